"""Test helper (Linux): the processes under a pid, whether they are alive, and what they listen on."""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
HAS_PROC = (PROC / "self" / "status").exists()


def _parents() -> dict[int, int]:
    out = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                out[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    return out


def descendants(root: int) -> set[int]:
    """Every process below ``root`` (children, their children, ...)."""
    parents = _parents()
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier and pid not in found}
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (a zombie waiting for its parent does not count)."""
    out = set()
    for pid in pids:
        try:
            state = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            out.add(pid)
    return out


def listening(pids: set[int]) -> list[tuple[str, int, int]]:
    """(address, port, pid) of every listening TCP socket that one of ``pids`` holds."""
    owner: dict[str, int] = {}
    for pid in pids:
        try:
            for fd in (PROC / str(pid) / "fd").iterdir():
                try:
                    target = os.readlink(fd)
                except OSError:
                    continue
                if target.startswith("socket:["):
                    owner[target[8:-1]] = pid
        except OSError:
            continue
    out = []
    for table in ("tcp", "tcp6"):
        for line in (PROC / "net" / table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in owner:  # 0A: LISTEN
                address, port = fields[1].split(":")
                out.append((address, int(port, 16), owner[fields[9]]))
    return out


#: loopback addresses as /proc/net writes them (127.0.0.1; ::1)
LOOPBACK = {"0100007F", "00000000000000000000000001000000"}
