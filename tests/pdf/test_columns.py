"""Columns filled in turn are laid out once (workbench/pdf/columns.py), and every box lands where WeasyPrint's own
two-pass layout puts it."""

import pytest
import weasyprint
from weasyprint import CSS, HTML
from weasyprint.layout import block, column

from tests.pdf.documents import long_document
from workbench.document import parse
from workbench.pdf import columns
from workbench.pdf.engine import PDF_OPTIONS, PROBE_STYLESHEET, _font_config
from workbench.pdf.fetcher import StaticOnlyFetcher
from workbench.pdf.render import CONTINUED_STYLESHEET, FITS, asset_dir, one_pager_html
from workbench.pdf.services import example_meta, seeds_dir


def _layout(html: str, stylesheets: list[str]) -> list[tuple]:
    """Every box of every page: its kind, place, size and text."""
    assets = asset_dir()
    fetcher = StaticOnlyFetcher(str(assets), static_url="/static/pdf/")
    sheets = [
        CSS(url=(assets / name).as_uri(), url_fetcher=fetcher) if name.endswith(".css") else CSS(string=name)
        for name in stylesheets
    ]
    document = HTML(string=html, base_url=assets.as_uri() + "/", url_fetcher=fetcher).render(
        stylesheets=sheets, font_config=_font_config(), **PDF_OPTIONS
    )
    boxes = []
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            boxes.append(
                (
                    number,
                    type(box).__name__,
                    round(box.position_x, 3),
                    round(box.position_y, 3),
                    round(box.width, 3) if isinstance(box.width, float | int) else box.width,
                    round(box.height, 3) if isinstance(box.height, float | int) else box.height,
                    getattr(box, "text", ""),
                )
            )
    return boxes


def _largest_example() -> dict:
    return parse((seeds_dir() / "health-holland.json").read_bytes())


CASES = {
    # The probe of each tighter layout (columns filled in turn), as the render task tries them.
    "roomy probe": (lambda: _largest_example(), "a4", FITS[0], [PROBE_STYLESHEET]),
    "compact probe": (lambda: _largest_example(), "a4", FITS[1], [PROBE_STYLESHEET]),
    # The narrow layout the largest worked example prints in, on A4 and on A3 with the map under the boxes.
    "narrow a4": (lambda: _largest_example(), "a4", FITS[2], []),
    "narrow a3": (lambda: _largest_example(), "a3", FITS[2], []),
    # A canvas three times too long: the columns continue on a second page.
    "continued": (lambda: long_document(times=3), "a4", FITS[2], [CONTINUED_STYLESHEET]),
}


@pytest.mark.parametrize("case", CASES)
def test_columns_filled_in_turn_land_where_weasyprints_own_layout_puts_them(case, monkeypatch):
    _font_config()  # sets up the render process's columns once, before this test chooses whose it measures
    make_document, layout, fit, stylesheets = CASES[case]
    document = make_document()
    html = one_pager_html(document, meta=example_meta(document), layout=layout, fit=fit)

    monkeypatch.setattr(block, "columns_layout", column.columns_layout)
    theirs = _layout(html, stylesheets)
    laid_out_once = []
    monkeypatch.setattr(
        columns, "_library_columns_layout", lambda *args: laid_out_once.append(False) or column.columns_layout(*args)
    )
    monkeypatch.setattr(block, "columns_layout", columns.columns_layout)
    ours = _layout(html, stylesheets)

    assert laid_out_once == [], "the boxes were handed to WeasyPrint's two-pass layout"
    assert len(ours) == len(theirs)
    assert ours == theirs
    if case == "continued":
        assert {box[0] for box in ours} == {0, 1}


def test_balanced_columns_are_left_to_weasyprint(monkeypatch):
    _font_config()
    document = _largest_example()
    html = one_pager_html(document, meta=example_meta(document), layout="a4", fit=FITS[0])
    handed_over = []
    monkeypatch.setattr(
        columns, "_library_columns_layout", lambda *args: handed_over.append(True) or column.columns_layout(*args)
    )
    monkeypatch.setattr(block, "columns_layout", columns.columns_layout)

    _layout(html, [])

    assert handed_over, "balanced columns need WeasyPrint's trial layout"


def test_the_render_process_uses_it_on_the_release_it_was_checked_against(monkeypatch):
    monkeypatch.setattr(block, "columns_layout", column.columns_layout)
    assert columns.install() == (weasyprint.__version__ in columns.CHECKED_RELEASES)
    monkeypatch.setattr(weasyprint, "__version__", "999.0")
    monkeypatch.setattr(block, "columns_layout", column.columns_layout)
    assert columns.install() is False
    assert block.columns_layout is column.columns_layout
