"""Lone surrogates (U+D800-U+DFFF): code points a Python ``str`` can hold but UTF-8 cannot encode.

They reach gapfinder from a PDF font map that points at one, a JSON ``"\\ud800"`` escape, or a file name
that is not valid UTF-8 (``surrogateescape``). Left in, they crash every UTF-8 or JSON output. The
readers replace them in the text (``reading.valid_unicode``, with an ``invalid_unicode`` warning); the
outputs that carry names or client input make them safe with these two functions.
"""

from __future__ import annotations

import re

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length)."""
    if text.isascii() or LONE_SURROGATE.search(text) is None:
        return text
    return LONE_SURROGATE.sub("\ufffd", text)


def escape_surrogates(json_text: str) -> str:
    """JSON text with each lone surrogate written as its ``\\uXXXX`` escape, which a JSON reader turns back
    into the same string (a record id stays the id it was)."""
    if json_text.isascii() or LONE_SURROGATE.search(json_text) is None:
        return json_text
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


__all__ = ["LONE_SURROGATE", "escape_surrogates", "replace_surrogates"]
