"""Sources people can read: wherever a page, the PDF or a finding shows a source, it shows the workshop document's
title and the moment, linked to the recording, never the seed file's hash name."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import make_canvas
from workbench.checker import check
from workbench.checker.base import CASES
from workbench.document.sources import cite, readable, seconds, seed_documents
from workbench.examples.models import Example
from workbench.examples.services import load_examples

HASH_NAME = re.compile(r"\d{3}_[0-9a-f]{16}")


def test_every_seed_file_has_a_title_and_a_video():
    documents = seed_documents()
    assert len(documents) == 5
    for document in documents.values():
        assert document.title and not HASH_NAME.search(document.title)
        assert document.video_id == "2kY82Y_uE54"
    assert documents[CASES].title == "Local and international case studies on health missions"


def test_a_seed_citation_reads_as_its_title_and_links_to_the_moment():
    citation = cite(CASES, "02:19:13")
    assert str(citation) == "Local and international case studies on health missions, 02:19:13"
    assert citation.url == "https://www.youtube.com/watch?v=2kY82Y_uE54&t=8353s"
    assert seconds("00:44:57") == 2697 and seconds("soon") is None
    outside = cite("https://wemakecamden.org.uk/about")
    assert (outside.title, outside.url, outside.seed) == ("https://wemakecamden.org.uk/about", "", False)
    assert readable(f"see {CASES} @00:30:17") == "see Local and international case studies on health missions @00:30:17"
    assert cite("999_0123456789abcdef.txt").title == "A workshop document"


@pytest.fixture
def examples(db):
    load_examples()
    return list(Example.objects.all())


def _pages(client, examples, canvas):
    urls = [reverse("examples:list"), reverse("canvases:checker_rules")]
    urls += [reverse("examples:detail", args=[example.slug]) for example in examples]
    urls += [reverse("canvases:detail", args=[canvas.pk]), reverse("canvases:edit", args=[canvas.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.content.decode()


def test_no_page_shows_a_seed_files_hash_name(client_for, people, examples):
    # A canvas started from an example keeps its citations; its findings and the editor show sources too.
    document = {**examples[0].document, "title": "Started from an example"}
    canvas = make_canvas(people["team"], people["owner"], document)
    client = client_for("owner")
    shown = 0
    for url, html in _pages(client, examples, canvas):
        assert not HASH_NAME.search(html), f"{url} shows {HASH_NAME.search(html).group(0)}"
        shown += html.count("https://www.youtube.com/watch?v=2kY82Y_uE54&amp;t=")
    assert shown > 50
    # The live checker's answer in the editor.
    response = client.post(
        reverse("canvases:check", args=[canvas.pk]),
        {"base_revision": canvas.revision_number, **_editor_data(client, canvas)},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "https://www.youtube.com/watch?v=2kY82Y_uE54&amp;t=" in body  # the findings' sources, linked
    assert not HASH_NAME.search(body)


def _editor_data(client, canvas):
    """The editor's form as the browser would send it, read from the page."""
    from html.parser import HTMLParser

    html = client.get(reverse("canvases:edit", args=[canvas.pk])).content.decode()
    data: dict[str, list[str]] = {}

    class Form(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if not name or tag not in ("input", "textarea", "select"):
                return
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind == "submit":
                return
            data.setdefault(name, []).append(attrs.get("value", ""))

    Form().feed(html)
    return data


def test_no_finding_message_or_suggestion_names_a_seed_file(examples):
    for example in examples:
        for finding in check(example.document).findings:
            assert not HASH_NAME.search(finding.message + finding.suggestion)


def test_the_pdf_names_its_sources_by_title(examples):
    from tests.pdf.conftest import pdf_text
    from workbench.pdf.render import render_one_pager
    from workbench.pdf.services import example_meta

    example = next(e for e in examples if e.slug == "camden-food")
    text = pdf_text(render_one_pager(example.document, meta=example_meta(example.document), layout="a3"))
    assert "Local and international case studies on health missions" in text
    assert not HASH_NAME.search(text)
