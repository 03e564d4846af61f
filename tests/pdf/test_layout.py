"""The one-pager's layout: worked examples fit one A4 landscape page, long canvases continue."""

from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from tests.pdf.conftest import page_texts, pdf_text
from tests.pdf.documents import item_titles, long_document, typical_document
from workbench.checker import check
from workbench.document import SECTION_TITLES, parse
from workbench.pdf.render import render_one_pager_output
from workbench.pdf.services import example_meta

SEEDS = sorted((Path(settings.BASE_DIR) / "seeds").glob("*.json"))
# Every box of the page; "identity" is the masthead, which shows the title and statement instead.
HEADINGS = [title for section, title in SECTION_TITLES.items() if section != "identity"]
A4_LANDSCAPE = (841.89, 595.28)


def _size(pdf: bytes, page: int = 0) -> tuple[float, float]:
    import io

    box = PdfReader(io.BytesIO(pdf)).pages[page].mediabox
    return float(box.width), float(box.height)


@pytest.mark.skipif(not SEEDS, reason="seeds/ holds no worked example yet")
@pytest.mark.parametrize("path", SEEDS, ids=[path.stem for path in SEEDS])
def test_worked_example_fits_one_a4_landscape_page_with_statement_and_every_heading(path):
    document = parse(path.read_bytes())

    result = render_one_pager_output(document, meta=example_meta(document), layout="a4")

    # The mission on one page, then the theory-of-change map on a page of its own, marked as such.
    assert result.pages == 2
    assert _size(result.pdf) == pytest.approx(A4_LANDSCAPE, abs=0.5)
    assert _size(result.pdf, 1) == pytest.approx(A4_LANDSCAPE, abs=0.5)
    one_pager, map_page = page_texts(result.pdf)
    assert "Theory of change map · A4 layout" in map_page and "continued" not in one_pager.lower()
    text = one_pager
    assert f"readiness {check(document).readiness}/100" in text
    assert " ".join(document["statement"].split()) in text
    for heading in HEADINGS:
        assert heading in text, f"the heading {heading!r} is missing"


def test_typical_canvas_fits_one_page_with_footer_facts(meta):
    result = render_one_pager_output(typical_document(), meta=meta, layout="a4")

    assert result.pages == 2  # and the theory-of-change map on a page of its own
    text = page_texts(result.pdf)[0]
    assert "Northfield housing team" in text
    assert "Revision 7 of 4 March 2025" in text
    assert "Promising draft" in text and "readiness 64/100" in text
    assert "By 2032" in text
    assert "continued" not in text.lower()


def test_three_times_the_typical_text_continues_on_a_second_page_and_loses_nothing(meta):
    document = long_document(times=3)

    result = render_one_pager_output(document, meta=meta, layout="a4")

    assert result.pages == 3  # two pages of the one-pager, then the theory-of-change map
    first, second, map_page = page_texts(result.pdf)
    assert "Theory of change map · A4 layout" in map_page
    assert "Continues on page 2" in first
    assert f"{document['title']} – continued from page 1" in second
    assert "Page 2 of 2" in second
    text = pdf_text(result.pdf)
    for title in item_titles(document):
        assert title in text, f"{title!r} was lost"
    for heading in HEADINGS:
        assert heading in text


def test_a3_layout_is_a3_landscape(meta):
    result = render_one_pager_output(typical_document(), meta=meta, layout="a3")

    assert result.pages == 1
    assert _size(result.pdf) == pytest.approx((1190.55, 841.89), abs=0.5)


def test_unknown_layout_is_refused(meta):
    with pytest.raises(ValueError, match="unknown layout"):
        render_one_pager_output(typical_document(), meta=meta, layout="letter")


def test_metrics_show_baseline_and_target_with_years_and_actors_by_sector(meta):
    text = pdf_text(render_one_pager_output(typical_document(), meta=meta).pdf)

    assert "1,240 2023" in text and "620 2032" in text
    assert "Citizens, residents and patients: Northfield Tenants' Union" in text
    assert "Addresses R1" in text and "serves A1" in text
