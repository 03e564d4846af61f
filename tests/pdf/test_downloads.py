"""Downloading the one-pager: who may, what comes back, and that a revision is rendered only once."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from tests.pdf.conftest import pdf_text, render_count
from tests.pdf.documents import typical_document
from workbench.canvases import services as canvas_services
from workbench.checker import check
from workbench.pdf.management.commands import export_pdf

# Who may download and what comes back: each distinct one-pager is laid out once per test process (renders are
# counted by the one-pagers' tries, which this does not change).
pytestmark = [pytest.mark.urls("tests.pdf.urls"), pytest.mark.usefixtures("same_html_same_pdf")]


@pytest.fixture
def housing_canvas(people):
    return canvas_services.create_canvas(team=people["team"], user=people["owner"], document=typical_document())


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("outsider", 404), ("viewer", 200), ("reviewer", 200), ("editor", 200), ("owner", 200)],
)
def test_canvas_pdf_permission_matrix(client_for, housing_canvas, role, status):
    response = client_for(role).get(reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk}))

    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            'attachment; filename="warm-homes-for-every-northfield-household-r1-a4.pdf"'
        )
        assert typical_document()["statement"] in pdf_text(response.content)
        assert "Food mission team" in pdf_text(response.content)
        assert f"readiness {check(typical_document()).readiness}/100" in pdf_text(response.content)


def test_a_canvas_in_the_bin_answers_404(client_for, people, housing_canvas):
    canvas_services.move_to_bin(canvas=housing_canvas, user=people["owner"])

    response = client_for("owner").get(reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk}))

    assert response.status_code == 404


def test_an_unknown_layout_is_a_bad_request(client_for, housing_canvas):
    response = client_for("viewer").get(reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk}), {"layout": "a0"})

    assert response.status_code == 400


def test_second_download_of_a_revision_is_served_from_the_cache_and_a_new_revision_renders_again(
    client_for, people, housing_canvas, pdf_store
):
    url = reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk})
    client = client_for("editor")
    before = render_count()

    first = client.get(url)
    second = client_for("viewer").get(url)

    assert render_count() == before + 1
    assert first.content == second.content
    assert len(list(pdf_store.rglob("*.pdf"))) == 1

    document = typical_document()
    document["statement"] = "By 2032, every household in Northfield keeps warm for less."
    canvas_services.save_canvas(canvas=housing_canvas, user=people["editor"], document=document, base_revision=1)
    third = client_for("editor").get(url)

    assert render_count() == before + 2
    assert "By 2032, every household in Northfield keeps warm for less." in pdf_text(third.content)
    assert "Revision 2" in pdf_text(third.content)
    assert third["Content-Disposition"].endswith('-r2-a4.pdf"')


def test_a3_is_a_separate_render_of_the_same_revision(client_for, housing_canvas):
    url = reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk})
    client = client_for("viewer")
    before = render_count()

    a4 = client.get(url)
    a3 = client.get(url, {"layout": "a3"})
    client.get(url, {"layout": "a3"})

    assert render_count() == before + 2
    assert PdfReader(io.BytesIO(a4.content)).pages[0].mediabox.width < 850
    assert PdfReader(io.BytesIO(a3.content)).pages[0].mediabox.width > 1190


def test_worked_example_download(client_for, settings, tmp_path):
    settings.PDF_SEEDS_DIR = tmp_path
    (tmp_path / "northfield-warm-homes.json").write_text(json.dumps(typical_document()), encoding="utf-8")
    url = reverse("pdf:example", kwargs={"slug": "northfield-warm-homes"})
    before = render_count()

    # Worked examples are public, like their gallery.
    response = client_for("anonymous").get(url)
    client_for("outsider").get(url)
    client_for("viewer").get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="example-northfield-warm-homes-a4.pdf"'
    assert "Mission Workbench worked example" in pdf_text(response.content)
    assert render_count() == before + 1
    assert client_for("viewer").get(reverse("pdf:example", kwargs={"slug": "no-such-example"})).status_code == 404


def test_export_pdf_command_writes_a_canvas_by_id(db, housing_canvas, tmp_path):
    output = tmp_path / "canvas.pdf"
    out = io.StringIO()

    call_command(export_pdf.Command(), str(housing_canvas.pk), "-o", str(output), stdout=out)

    assert "2 pages" in out.getvalue()  # the one-pager and the theory-of-change map on a page of its own
    text = pdf_text(output.read_bytes())
    assert typical_document()["statement"] in text
    assert "Food mission team" in text and "Revision 1" in text


def test_export_pdf_command_writes_a_document_file_in_a3(tmp_path):
    source = tmp_path / "mission.json"
    source.write_text(json.dumps(typical_document()), encoding="utf-8")
    output = tmp_path / "mission.pdf"

    call_command(export_pdf.Command(), str(source), "-o", str(output), "--layout", "a3", stdout=io.StringIO())

    reader = PdfReader(io.BytesIO(output.read_bytes()))
    assert len(reader.pages) == 1 and float(reader.pages[0].mediabox.width) > 1190


def test_export_pdf_command_names_the_field_of_a_bad_document(tmp_path):
    document = typical_document()
    document["metrics"][1]["target"]["year"] = "soon"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(CommandError, match=r"metrics\[1\]\.target\.year"):
        call_command(export_pdf.Command(), str(source), "-o", str(tmp_path / "bad.pdf"))
    assert not (tmp_path / "bad.pdf").exists()


def test_export_pdf_command_refuses_an_unknown_canvas_id(db, tmp_path):
    with pytest.raises(CommandError, match="No canvas with id 999999"):
        call_command(export_pdf.Command(), "999999", "-o", str(tmp_path / "x.pdf"))
