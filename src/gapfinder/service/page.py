"""Pages for people: ``GET /`` (a form to upload a resume and, optionally, a job post), the report or
comparison it answers with, and ``GET /docs`` (the API described from the OpenAPI document).

No JavaScript, no external assets: the pages use the HTML report's stylesheet and its Content-Security-Policy,
widened only by ``form-action 'self'`` so the form can post to this server. The analysis itself runs in the
same worker pool as the JSON API, under the same limits and deadline.
"""

from __future__ import annotations

from typing import Any

from ..models import Comparison, Report
from ..render.html_parts import CSP, page
from ..render.markup import Html, tag
from ..taxonomy.schema import Ladder

#: the report's policy, with the form allowed to post back here
PAGE_CSP = CSP.replace("form-action 'none'", "form-action 'self'")
UI_PATH = "/ui/report"


def headers() -> dict[str, str]:
    return {
        "Content-Security-Policy": PAGE_CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


def form_page(ladder: Ladder | None, max_upload_bytes: int) -> str:
    """The upload form: a resume (required), a job post (optional), a target rung (optional)."""
    options = [tag("option", "the next rung up (default)", value="")]
    if ladder is not None:
        options += [tag("option", lv.name, value=lv.id) for lv in ladder.levels]
    limit = f"{max_upload_bytes / 2**20:g} MB"
    form = tag(
        "form",
        tag(
            "p",
            tag("label", "Resume (PDF, DOCX, TXT or Markdown)", for_="resume"),
            tag("br"),
            tag("input", type="file", id="resume", name="resume", required="required", accept=".pdf,.docx,.txt,.md"),
        ),
        tag(
            "p",
            tag("label", "Job post (optional: compare the resume with it)", for_="job"),
            tag("br"),
            tag("input", type="file", id="job", name="job", accept=".pdf,.docx,.txt,.md"),
        ),
        tag(
            "p",
            tag("label", "Target (without a job post)", for_="target"),
            tag("br"),
            tag("select", *options, id="target", name="target"),
        ),
        tag("p", tag("button", "Analyse", type="submit")),
        method="post",
        action=UI_PATH,
        enctype="multipart/form-data",
    )
    intro = tag(
        "p",
        "Upload a resume to see where it sits on the career ladder, what the next step asks and a plan; add a "
        f"job post to compare the two. Files up to {limit}. Nothing you send is stored or logged.",
    )
    links = tag("p", tag("a", "API documentation", href="docs"), " · ", tag("a", "OpenAPI", href="openapi.json"))
    header = tag("header", tag("p", "gapfinder", class_="kicker"), tag("h1", "Resume gap analysis"), intro)
    return page("gapfinder", header, tag("section", form, aria_label="upload"), links, csp=PAGE_CSP)


def result_page(result: Report | Comparison) -> str:
    from ..render import render

    text = render(result, "html")
    # the report's own policy forbids forms; keep it, and add a way back
    back = tag("p", tag("a", "← analyse another document", href="/"))
    return text.replace("<main>", "<main>" + back, 1)


def error_page(status: int, title: str, detail: str) -> str:
    body = (
        tag("header", tag("p", "gapfinder", class_="kicker"), tag("h1", title)),
        tag("p", detail),
        tag("p", f"(HTTP {status}) ", tag("a", "Try another file", href="/")),
    )
    return page(f"gapfinder: {title}", *body, csp=PAGE_CSP)


def docs_page(spec: dict[str, Any]) -> str:
    """The API, operation by operation, from the OpenAPI document: no Swagger UI, nothing from a CDN."""
    sections: list[Html] = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict):
                continue
            params = [
                f"{p.get('name')} ({p.get('in')}){': ' + p['description'] if p.get('description') else ''}"
                for p in op.get("parameters", [])
            ]
            body = list((op.get("requestBody") or {}).get("content", {}))
            answers = [f"{code}: {r.get('description', '')}" for code, r in op.get("responses", {}).items()]
            sections.append(
                tag(
                    "section",
                    tag("h2", f"{method.upper()} {path}", id=f"{method}-{path}".replace("/", "-").strip("-")),
                    tag("p", tag("strong", op.get("summary", ""))),
                    tag("p", op.get("description", "")) if op.get("description") else None,
                    tag("p", "Parameters: " + "; ".join(params)) if params else None,
                    tag("p", "Request body: " + ", ".join(body)) if body else None,
                    tag("ul", *(tag("li", a) for a in answers)) if answers else None,
                )
            )
    info = spec.get("info", {})
    header = tag(
        "header",
        tag("p", "gapfinder", class_="kicker"),
        tag("h1", f"{info.get('title', 'gapfinder')} API {info.get('version', '')}"),
        tag("p", info.get("description", "")),
        tag("p", tag("a", "openapi.json", href="openapi.json"), " · ", tag("a", "upload form", href="/")),
    )
    return page("gapfinder API", header, *sections, csp=PAGE_CSP)


__all__ = ["PAGE_CSP", "UI_PATH", "docs_page", "error_page", "form_page", "headers", "result_page"]
