"""User text cannot load anything: it is printed as text, and the fetcher serves only the print assets."""

import os
import time

import pytest
from django.conf import settings

from tests.pdf.conftest import pdf_text
from tests.pdf.documents import typical_document
from workbench.pdf.engine import Renderer, RenderTimeout, render_html
from workbench.pdf.fetcher import FetchRefused, StaticOnlyFetcher
from workbench.pdf.render import asset_dir, render_one_pager_output

HOSTILE = [
    "<script>document.title='owned'</script>",
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
    "</style><style>@import url(file:///etc/passwd); body { background: url(http://127.0.0.1:9/bg.png) }</style>",
    '<div style="background-image: url(https://example.com/track.png)">styled</div>',
    '<svg><image href="file:///etc/passwd"/></svg>',
    '<iframe src="data:text/html;base64,PHNjcmlwdD4=">',
]


def _hostile_document() -> dict:
    document = typical_document()
    document["statement"] = HOSTILE[0] + " " + HOSTILE[1]
    document["root_causes"][0]["title"] = HOSTILE[2]
    document["stakeholders"][0]["name"] = HOSTILE[3]
    document["story"]["why_now"] = HOSTILE[4]
    document["levers"][0]["owner"] = HOSTILE[5]
    document["metrics"][0]["unit"] = HOSTILE[6]
    document["governance"]["monitoring"] = HOSTILE[7]
    return document


def test_markup_in_user_text_is_printed_literally_and_nothing_outside_the_assets_is_fetched(meta):
    result = render_one_pager_output(_hostile_document(), meta=meta)

    text = pdf_text(result.pdf)
    # Lines may break anywhere (after "file:///", say), so compare without whitespace.
    squeezed = "".join(text.split())
    for snippet in HOSTILE:
        assert "".join(snippet.split()) in squeezed, f"{snippet!r} did not come out as text"
    assert "root:x:0:0" not in text
    allowed = asset_dir().as_uri() + "/"
    assert result.requested_urls, "the stylesheet at least goes through the fetcher"
    assert all(url.startswith(allowed) for url in result.requested_urls), result.requested_urls
    assert result.refused_urls == []


def test_team_name_and_title_are_escaped_in_the_metadata_and_footer(meta):
    document = typical_document()
    document["title"] = '"><link rel="attachment" href="file:///etc/passwd">'
    result = render_one_pager_output(document, meta={**meta, "team": "<b>Team</b>"})

    assert "<b>Team</b>" in pdf_text(result.pdf)
    assert all(url.startswith(asset_dir().as_uri()) for url in result.requested_urls)
    assert b"root:x:0:0" not in result.pdf


def test_markup_reaching_the_renderer_still_cannot_fetch_outside_the_assets(tmp_path):
    # The second wall: even raw HTML (never produced from user text) loads only the print assets.
    outside = tmp_path / "secret.css"
    outside.write_text("body { color: red }")
    html = f"""<html lang="en"><head><title>t</title>
      <link rel="stylesheet" href="{outside.as_uri()}">
      <link rel="stylesheet" href="http://127.0.0.1:9/x.css">
      <link rel="attachment" href="file:///etc/passwd">
      <style>@import url("ftp://127.0.0.1/x.css"); p {{ background: url("data:image/png;base64,iVBORw0KGgo=") }}</style>
      </head><body><p>text</p><img src="file:///etc/passwd"><img src="https://example.com/x.png">
      <img src="/static/pdf/../../../etc/passwd"></body></html>"""

    result = render_html(
        [html],
        base_url=asset_dir().as_uri() + "/",
        asset_dir=str(asset_dir()),
        static_url="/static/pdf/",
        continued_stylesheet=(asset_dir() / "one-pager-continued.css").as_uri(),
    )

    assert set(result.refused_urls) == set(result.requested_urls)
    assert outside.as_uri() in result.refused_urls
    assert "file:///etc/passwd" in result.refused_urls
    assert "http://127.0.0.1:9/x.css" in result.refused_urls
    assert b"root:x:0:0" not in result.pdf


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.com/x.css",
        "ftp://127.0.0.1/x.css",
        "data:text/css,body{}",
        "file://otherhost/static/pdf/one-pager.css",
        "/static/pdf/../../workbench/settings.py",
        "/static/other/bootstrap.css",
    ],
)
def test_fetcher_refuses_anything_but_files_below_its_root(url):
    fetcher = StaticOnlyFetcher(asset_dir())

    with pytest.raises(FetchRefused):
        fetcher.fetch(url)
    assert fetcher.requested == [url]
    assert fetcher.served == []


def test_fetcher_refuses_a_symlink_that_leads_outside(tmp_path):
    root = tmp_path / "assets"
    root.mkdir()
    (root / "escape.css").symlink_to("/etc/passwd")

    with pytest.raises(FetchRefused):
        StaticOnlyFetcher(root).fetch((root / "escape.css").as_uri())


def test_fetcher_serves_print_assets_by_file_url_and_static_url():
    fetcher = StaticOnlyFetcher(asset_dir(), static_url=settings.STATIC_URL + "pdf/")

    by_file = fetcher.fetch((asset_dir() / "one-pager.css").as_uri())
    by_static = fetcher.fetch(settings.STATIC_URL + "pdf/one-pager.css")

    assert by_file.read() == by_static.read() == (asset_dir() / "one-pager.css").read_bytes()
    assert by_file.content_type == "text/css"


def test_a_render_past_its_time_limit_is_stopped_and_the_next_render_works():
    renderer = Renderer(memory_mb=768)
    kwargs = {
        "base_url": asset_dir().as_uri() + "/",
        "asset_dir": str(asset_dir()),
        "static_url": "/static/pdf/",
        "continued_stylesheet": (asset_dir() / "one-pager-continued.css").as_uri(),
    }
    huge = "<html lang='en'><body>" + "<p>many words to lay out</p>" * 200_000 + "</body></html>"
    try:
        renderer.render(["<html lang='en'><body><p>warm</p></body></html>"], timeout=60, **kwargs)
        runaway = renderer.pid
        started = time.monotonic()
        with pytest.raises(RenderTimeout, match="longer than 2 seconds"):
            renderer.render([huge], timeout=2, **kwargs)
        assert time.monotonic() - started < 10
        assert renderer.pid is None, "the render process with the runaway render was stopped"
        assert not os.path.exists(f"/proc/{runaway}") or open(f"/proc/{runaway}/stat").read().split()[2] == "Z"

        result = renderer.render(["<html lang='en'><body><p>small</p></body></html>"], timeout=60, **kwargs)
        assert result.pages == 1 and result.pdf.startswith(b"%PDF")
    finally:
        renderer.close()
    assert os.path.exists(asset_dir() / "one-pager.css")


def test_a_probe_for_one_page_gives_the_same_pdf_with_fewer_balanced_layouts():
    from workbench.document import parse
    from workbench.pdf import render as render_module
    from workbench.pdf.services import example_meta, seeds_dir

    document = parse((seeds_dir() / "health-holland.json").read_bytes())  # fits only the last, narrow layout
    context = render_module.one_pager_context(document, meta=example_meta(document), layout="a4")
    variants = [
        render_module.render_to_string("pdf/one_pager.html", {**context, "fit": fit}) for fit in render_module.FITS
    ]
    kwargs = {
        "base_url": asset_dir().as_uri() + "/",
        "asset_dir": str(asset_dir()),
        "static_url": "/static/pdf/",
        "continued_stylesheet": (asset_dir() / "one-pager-continued.css").as_uri(),
    }

    plain = render_html(variants, **kwargs)
    probed = render_html(variants, probe=True, **kwargs)

    assert (probed.variant, probed.pages) == (plain.variant, plain.pages) == (2, 1)
    assert len(probed.pdf) == len(plain.pdf)
