"""A headless Chromium renders the HTML comparison: a screenshot of the right size with content,
and the DOM it built."""

from __future__ import annotations

import os
import struct
import subprocess
from pathlib import Path

import pytest

from gapfinder import Engine
from gapfinder.models import Comparison
from gapfinder.render.html import html_comparison
from gapfinder.render.markup import num
from helpers import EXAMPLES, chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def example(engine: Engine) -> Comparison:
    return engine.compare(
        EXAMPLES / "resumes" / "senior_ml_engineer.txt", EXAMPLES / "jobs" / "senior_ml_engineer_jd.txt"
    )


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")
def test_chromium_renders_the_comparison(example: Comparison, tmp_path: Path) -> None:
    page = tmp_path / "comparison.html"
    page.write_text(html_comparison(example), encoding="utf-8")
    shot = tmp_path / "x.png"
    base = [
        str(chromium()),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run(
        [*base, f"--screenshot={shot}", "--window-size=1200,2400", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=180,
        env=env,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 2400)
    assert len(data) > 20_000  # a blank page of this size compresses to a few kilobytes
    dom = subprocess.run(
        [*base, "--dump-dom", page.as_uri()], check=True, capture_output=True, timeout=180, env=env, text=True
    ).stdout
    assert f"{num(example.score.total)} / 100" in dom
    assert dom.count('class="bar"') == len(example.score.components) + len(
        {s.requirement.category for s in example.requirements}
    )
