"""Analysis makes no network connection and writes no file.

Proved with a CPython audit hook (PEP 578) in a fresh interpreter: after the ``Engine`` is built (its
construction may load or write caches; that is not analysis), the hook refuses and records every socket
connect/bind/DNS lookup, every ``open`` for writing or creating, every file-system change and every
process start, then the interpreter analyses a PDF, a DOCX, a text file, bytes and a str. Two positive
controls (a connect and an open for writing, both refused) show the hook is live. Bytecode caching is
switched off (``PYTHONDONTWRITEBYTECODE``): writing ``__pycache__`` on a first import is the interpreter's
doing, not gapfinder's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from helpers.files import TEXT, make_pdf

pytestmark = pytest.mark.slow

RESUME = (
    "Jane Doe\nSenior Data Engineer\nEXPERIENCE\nAcme Corp, Senior Data Engineer, Jan 2019 - Present\n"
    "Built pipelines with Python, Kafka, Spark and Kubernetes; led a team of four.\n"
    "EDUCATION\nMSc Computer Science, 2016\nSKILLS\nPython, SQL, Docker, AWS\n"
)

SCRIPT = textwrap.dedent(
    """
    import json, os, socket, sys

    from gapfinder import Engine

    engine = Engine()  # built before the hook: a cache written at construction is not analysis
    paths = sys.argv[1:]
    blobs = [open(p, "rb").read() for p in paths]
    violations, controls = [], []
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    NETWORK = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
               "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request"}
    CHANGES = {"os.remove", "os.unlink", "os.rename", "os.replace", "os.mkdir", "os.rmdir", "os.truncate",
               "os.chmod", "os.chown", "os.link", "os.symlink", "os.utime", "shutil.copyfile", "shutil.rmtree",
               "shutil.move", "os.system", "os.fork", "os.forkpty", "os.exec", "os.posix_spawn", "os.spawn",
               "subprocess.Popen", "os.startfile", "sqlite3.connect"}

    def hook(event, args):
        if event == "open":
            path, mode, flags = (list(args) + [None, None, None])[:3]
            writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & WRITE_FLAGS
            )
            if not writes:
                return
        elif event not in NETWORK and event not in CHANGES:
            return
        violations.append(f"{event} {args!r}"[:200])
        raise PermissionError(f"blocked by the isolation test: {event}")

    sys.addaudithook(hook)
    reports = []
    for path, blob in zip(paths, blobs):
        reports.append(engine.analyze(path))
        reports.append(engine.analyze(blob, filename=os.path.basename(path)))
    reports.append(engine.analyze_text(blobs[-1].decode()))
    reports.append(engine.analyze_text(blobs[-1].decode(), kind="job"))
    found = [sorted(s.id for s in r.skills) for r in reports]
    n_violations = len(violations)

    try:  # positive controls: the hook must refuse these
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    except PermissionError:
        controls.append("connect")
    except OSError:
        pass
    try:
        open(os.path.join(os.path.dirname(paths[0]), "written.txt"), "w")
    except PermissionError:
        controls.append("open-write")
    print(json.dumps({"violations": violations[:n_violations], "controls": controls, "skills": found}))
    """
)


def test_analysis_makes_no_connection_and_writes_nothing(tmp_path: Path) -> None:
    pdf = tmp_path / "resume.pdf"
    pdf.write_bytes(make_pdf(TEXT))
    docx = tmp_path / "resume.docx"
    document = DocxDocument()
    for line in RESUME.splitlines():
        document.add_paragraph(line)
    document.save(str(docx))
    txt = tmp_path / "resume.txt"
    txt.write_text(RESUME)
    before = sorted(p.name for p in tmp_path.iterdir())

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(pdf), str(docx), str(txt)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["violations"] == []
    assert result["controls"] == ["connect", "open-write"]  # the hook was live and refused both
    assert len(result["skills"]) == 8 and all("python" in ids for ids in result["skills"])
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # and nothing appeared on disk
