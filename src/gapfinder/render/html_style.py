"""The inline stylesheet of the HTML reports: light theme, system fonts, phone width and print."""

from __future__ import annotations

CSS = """
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
  --met: #1a7f37; --met-bg: #dafbe1; --partial: #7d4e00; --partial-bg: #fff8c5;
  --claimed: #6639ba; --claimed-bg: #fbefff; --missing: #b3261e; --missing-bg: #ffebe9;
  --accent: #0969da; --target: #bc4c00;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg); line-height: 1.45;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1120px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 1.6rem; margin: 0.1rem 0 0.6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.02rem; margin: 1.3rem 0 0.5rem; }
p { margin: 0.4rem 0 0.8rem; }
.kicker { color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.78rem; margin: 0; }
.note, figcaption, footer, .sub, .where { color: var(--muted); }
.note, figcaption { font-size: 0.88rem; }
.sub { display: block; font-size: 0.8rem; }
.where { font-size: 0.78rem; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.9rem; margin: 0.4rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
.card .label { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.card .value { font-size: 1.5rem; font-weight: 650; }
.card .value.long { font-size: 1.1rem; line-height: 1.3; padding-top: 0.2rem; }
.card .note { font-size: 0.82rem; }
.hint-job { margin-top: 0.2rem; }
figure { margin: 0.6rem 0 1rem; overflow-x: auto; }
svg.chart { display: block; width: 100%; max-width: 760px; height: auto; font-size: 12px; }
svg .label { fill: var(--fg); font-size: 12px; }
svg .track-label { font-weight: 600; }
svg .total, svg .axis, svg .legend { fill: var(--muted); font-size: 11px; }
svg .count { font-size: 11px; font-weight: 600; }
svg.score .track { fill: var(--soft); stroke: var(--line); }
svg.score .fill { fill: var(--accent); }
svg .step .box { fill: #ffffff; stroke: #afb8c1; stroke-width: 1.5; }
svg .step .name { fill: var(--fg); font-size: 12.5px; font-weight: 600; }
svg .step.path .box { stroke-dasharray: 5 3; }
svg .step .score-track { fill: #eaeef2; }
svg .step .score-fill { fill: #8c959f; }
svg .step.candidate .box { fill: var(--accent); stroke: var(--accent); }
svg .step.candidate .name { fill: #ffffff; }
svg .step.candidate .score-track { fill: #5a9ae8; }
svg .step.candidate .score-fill { fill: #ffffff; }
svg .step.target .box { stroke: var(--target); stroke-width: 3.5; }
svg .step.target:not(.candidate) .box { fill: #fff1e5; }
svg .step .mark { font-size: 12px; font-weight: 700; fill: var(--accent); }
svg .step.target:not(.candidate) .mark { fill: var(--target); }
svg .arrow { fill: none; stroke: var(--target); stroke-width: 2; stroke-dasharray: 5 3; }
.scroll { overflow-x: auto; margin: 0.4rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
table.reqs { table-layout: fixed; min-width: 880px; }
table.reqs th:nth-child(1) { width: 3.2rem; }
table.reqs th:nth-child(2) { width: 19%; }
table.reqs th:nth-child(3) { width: 7.6rem; }
table.reqs th:nth-child(4) { width: 13%; }
table.reqs td:nth-child(1) { color: var(--muted); }
table.reqs td { overflow-wrap: anywhere; }
.badge {
  display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.8rem; font-weight: 600;
  white-space: nowrap; border: 1px solid currentColor;
}
.badge.met { color: var(--met); background: var(--met-bg); }
.badge.partial { color: var(--partial); background: var(--partial-bg); }
.badge.claimed { color: var(--claimed); background: var(--claimed-bg); }
.badge.missing { color: var(--missing); background: var(--missing-bg); }
q { quotes: "\\201C" "\\201D"; }
q.job { color: var(--fg); }
mark { background: #fff3b0; color: inherit; padding: 0 1px; border-radius: 2px; }
ul.evidence { list-style: none; margin: 0; padding: 0; }
ul.evidence li { margin: 0 0 0.25rem; }
ul.evidence li.more { color: var(--muted); font-size: 0.8rem; }
ul.columns { columns: 2 18rem; margin: 0.3rem 0 1rem; }
ul.hints { padding-left: 1.2rem; }
ul.hints > li { margin: 0 0 0.7rem; }
.rid { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8rem; color: var(--muted); }
ul.warnings li { margin-bottom: 0.3rem; }
footer { margin-top: 2.5rem; padding-top: 0.8rem; border-top: 1px solid var(--line); font-size: 0.8rem; }
@media (max-width: 640px) {
  main { padding: 14px 12px 28px; }
  h1 { font-size: 1.3rem; }
  body { font-size: 14px; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .card .value { font-size: 1.25rem; }
  th, td { padding: 5px 6px; }
  svg.chart { min-width: 560px; }
}
@media print {
  @page { margin: 14mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .scroll, figure { overflow: visible; }
  svg.chart { min-width: 0; }
  h2, h3 { break-after: avoid; }
  tr, figure, .card, ul.hints > li { break-inside: avoid; }
  table.reqs { min-width: 0; }
}
"""

__all__ = ["CSS"]
