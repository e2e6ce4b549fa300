"""The cycle collector, paused while a large long-lived structure is built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Building an engine creates a few hundred thousand long-lived objects (the taxonomy, spaCy's
    vocabulary, the phrase index); the cycle collector would walk them again and again as they are made
    (a third of the build time). It is off meanwhile, and back on afterwards if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


__all__ = ["collector_paused"]
