"""Widths of PDF strings from font dictionaries (used to place text on the page and find its columns)."""

from __future__ import annotations

import pytest
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from gapfinder.reading.glyph_widths import as_bytes, estimate, font_width


def _simple(first: int, widths: list[int]) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Subtype"): NameObject("/TrueType"),
            NameObject("/FirstChar"): NumberObject(first),
            NameObject("/Widths"): ArrayObject(NumberObject(w) for w in widths),
        }
    )


def _composite(w: list[object], dw: int = 1000) -> DictionaryObject:
    def number(x: object) -> object:
        return ArrayObject(NumberObject(v) for v in x) if isinstance(x, list) else NumberObject(x)

    descendant = DictionaryObject(
        {NameObject("/DW"): NumberObject(dw), NameObject("/W"): ArrayObject(number(x) for x in w)}
    )
    return DictionaryObject(
        {NameObject("/Subtype"): NameObject("/Type0"), NameObject("/DescendantFonts"): ArrayObject([descendant])}
    )


def test_simple_font_widths_per_code() -> None:
    width = font_width(_simple(65, [600, 500, 0]))  # A=600, B=500, C has no width: the mean (550)
    assert width(b"AB") == (pytest.approx(1.1), 2)
    assert width(b"C") == (pytest.approx(0.55), 1)
    assert width(b"z") == (pytest.approx(0.55), 1)  # outside the table


def test_composite_font_w_array() -> None:
    width = font_width(_composite([1, [500, 600], 10, 20, 250], dw=800))
    assert width(bytes([0, 1, 0, 2])) == (pytest.approx(1.1), 2)  # codes 1 and 2
    assert width(bytes([0, 15])) == (pytest.approx(0.25), 1)  # in the 10-20 range
    assert width(bytes([0, 99])) == (pytest.approx(0.8), 1)  # /DW


@pytest.mark.parametrize(
    "font",
    [
        DictionaryObject(
            {NameObject("/Subtype"): NameObject("/Type1"), NameObject("/BaseFont"): NameObject("/SomeOtherFont")}
        ),
        DictionaryObject({NameObject("/Subtype"): NameObject("/Type0")}),  # no descendant: damaged
        _simple(0, []),
        DictionaryObject({NameObject("/Widths"): ArrayObject([TextStringObject("x")])}),  # not a number
    ],
)
def test_fonts_without_usable_widths_fall_back_to_the_estimate(font: DictionaryObject) -> None:
    width = font_width(font)
    w, n = width(b"Python")
    assert n == 6 and 2.0 < w < 4.5


@pytest.mark.parametrize(("base_font", "ems"), [("/Helvetica", 3.113), ("/ABCDEF+Times-Roman", 2.834)])
def test_standard_fonts_use_their_metrics(base_font: str, ems: float) -> None:
    font = DictionaryObject(
        {NameObject("/Subtype"): NameObject("/Type1"), NameObject("/BaseFont"): NameObject(base_font)}
    )
    assert font_width(font)(b"Python") == (pytest.approx(ems), 6)


def test_the_estimate_tells_narrow_from_wide() -> None:
    assert estimate(b"illi")[0] < estimate(b"abcd")[0] < estimate(b"MWMW")[0]
    assert as_bytes(TextStringObject("Acme")) == b"Acme" and as_bytes(b"\x00A") == b"\x00A"
