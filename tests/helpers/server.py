"""``gapfinder serve`` as a subprocess on a free 127.0.0.1 port, its log in a file, and its worker processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from helpers import ROOT

STARTUP_S = 150.0


@dataclass
class Server:
    url: str
    log: Path
    proc: subprocess.Popen[bytes]

    def client(self, timeout: float = 60.0) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=timeout)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(log: Path, *options: str) -> Server:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAPFINDER_")}
    env["PYTHONUNBUFFERED"] = "1"
    handle = log.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gapfinder.cli", "serve", "--port", str(port), *options],
        stdout=handle,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=ROOT,
    )
    handle.close()
    return Server(url=f"http://127.0.0.1:{port}", log=log, proc=proc)


def wait_ready(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_S
    with server.client(timeout=5) as client:
        while time.monotonic() < deadline:
            if server.proc.poll() is not None:
                pytest.fail(f"gapfinder serve exited with {server.proc.returncode}:\n{server.log_text()}")
            try:
                if client.get("/readyz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    pytest.fail(f"gapfinder serve was not ready within {STARTUP_S:g} s:\n{server.log_text()}")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(5)


def worker_pids(server: Server) -> list[int]:
    """The analysis worker processes of a server (spawned children; not a resource tracker)."""
    pids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            ppid = next(line.split()[1] for line in status.read_text().splitlines() if line.startswith("PPid:"))
            cmdline = (status.parent / "cmdline").read_bytes()
        except (OSError, StopIteration):
            continue
        if int(ppid) == server.proc.pid and b"spawn_main" in cmdline:
            pids.append(int(status.parent.name))
    return pids
