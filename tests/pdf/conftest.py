import datetime as dt
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import NameObject


@pytest.fixture(autouse=True)
def pdf_store(settings, tmp_path):
    """Every test starts with an empty store of rendered PDFs of its own."""
    location = tmp_path / "one-pagers"
    settings.STORAGES = {
        **settings.STORAGES,
        "one_pagers": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }
    return location


def render_count() -> int:
    """How many renders have been started (every try of every one-pager)."""
    from django.db.models import Sum

    from workbench.pdf.models import OnePager

    return OnePager.objects.aggregate(total=Sum("attempts"))["total"] or 0


@pytest.fixture
def meta():
    return {
        "team": "Northfield housing team",
        "revision": 7,
        "revision_date": dt.date(2025, 3, 4),
        "level": "Promising draft",
        "readiness": 64,
        "radar_svg": None,
    }


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF with runs of whitespace folded to one space."""
    reader = PdfReader(_stream(pdf))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def page_texts(pdf: bytes) -> list[str]:
    reader = PdfReader(_stream(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _stream(pdf: bytes):
    import io

    return io.BytesIO(pdf)


_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(r"<([0-9A-Fa-f]+)>")


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be")


def embedded_fonts(pdf: bytes) -> dict[str, dict]:
    """Every font of the PDF: {name: {"embedded", "encoding", "cids", "chars"}}, cids and chars from ToUnicode."""
    reader = PdfReader(_stream(pdf))
    fonts: dict[str, dict] = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            entry = fonts.setdefault(name, {"embedded": False, "cids": set(), "chars": set(), "encoding": ""})
            encoding = font.get("/Encoding")
            # WeasyPrint writes /Identity-H, unless a glyph was missing: then it maps the missing
            # characters to .notdef through a CMap of its own (WP-Encod-…), a stream and not a name.
            entry["encoding"] = str(encoding) if isinstance(encoding, NameObject) else "CMap stream"
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                entry["embedded"] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            if "/ToUnicode" in font:
                cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
                for block in _BFCHAR.findall(cmap):
                    values = _HEX.findall(block)
                    for cid, text in zip(values[0::2], values[1::2], strict=False):
                        entry["cids"].add(int(cid, 16))
                        entry["chars"].update(_utf16(text))
                for block in _BFRANGE.findall(cmap):
                    values = _HEX.findall(block)
                    for start, end, first in zip(values[0::3], values[1::3], values[2::3], strict=False):
                        for offset in range(int(end, 16) - int(start, 16) + 1):
                            entry["cids"].add(int(start, 16) + offset)
                            entry["chars"].add(chr(int(first, 16) + offset))
    return fonts
