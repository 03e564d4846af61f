"""Fitting words into the map's boxes: the width of a line of text, wrapping, and shortening with an ellipsis.

The widths are those of Arial (and of Liberation Sans, which has the same metrics, the face the PDF and the
browsers here fall back to), in thousandths of the font size. A character not in the table counts as wide as the
widest lowercase letter, so an estimate errs towards a line that fits.
"""

from __future__ import annotations

ELLIPSIS = "…"

_WIDTHS = {
    **dict.fromkeys("ijl|", 222),
    **dict.fromkeys(" ftI.,:;/![]\\", 278),
    **dict.fromkeys("r-()`°", 333),
    **dict.fromkeys('"', 355),
    **dict.fromkeys("'", 191),
    **dict.fromkeys("*", 389),
    **dict.fromkeys("^", 469),
    **dict.fromkeys("cksvxyzJ", 500),
    **dict.fromkeys("abdeghnopqu0123456789$?_#€£", 556),
    **dict.fromkeys("+<=>~", 584),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("CDHNRUw", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("%", 889),
    **dict.fromkeys("W", 944),
    **dict.fromkeys("@", 1015),
    "L": 556,
    ELLIPSIS: 1000,
    "–": 556,
    "—": 1000,
}
_OTHER = 833  # accented and other letters: as wide as "m", so that a line with them still fits


def text_width(text: str, size: float) -> float:
    """The width of a line of text at a font size, in the same unit as the size."""
    return sum(_WIDTHS.get(ch, _OTHER) for ch in text) * size / 1000


def _split_word(word: str, width: float, size: float) -> list[str]:
    """A word longer than the line, cut into pieces that fit."""
    pieces, piece = [], ""
    for ch in word:
        if piece and text_width(piece + ch, size) > width:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece] if piece else pieces


def _shorten(line: str, width: float, size: float) -> str:
    line = line.rstrip()
    while line and text_width(line + ELLIPSIS, size) > width:
        line = line[:-1].rstrip()
    return line + ELLIPSIS


def wrap(text: str, width: float, size: float, *, max_lines: int) -> tuple[list[str], bool]:
    """The text in lines no wider than `width` at `size`, at most `max_lines` of them; the last one ends with an
    ellipsis when the text was longer. Returns (lines, whether it was shortened)."""
    words = " ".join(text.split()).split(" ") if text.strip() else []
    lines: list[str] = []
    line = ""
    pending = list(words)
    while pending:
        word = pending.pop(0)
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if not line:
            first, *rest = _split_word(word, width, size)
            line = first
            pending[:0] = rest
        else:
            pending.insert(0, word)
        lines.append(line)
        line = ""
        if len(lines) == max_lines:
            break
    if line and len(lines) < max_lines:
        lines.append(line)
        line = ""
    shortened = bool(pending) or bool(line)
    if shortened and lines:
        lines[-1] = _shorten(lines[-1], width, size)
    return lines, shortened
