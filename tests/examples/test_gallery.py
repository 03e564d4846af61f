"""The gallery of worked examples: open to everyone, with the checker's findings and every source; and cloning."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_team, make_user
from workbench.canvases.models import Canvas, Status
from workbench.checker import check
from workbench.document.sources import cite
from workbench.examples.gallery import describe_path, footnotes
from workbench.examples.models import Example
from workbench.examples.services import load_examples
from workbench.teams.models import Membership

SLUG = "national-decade-against-cancer"


@pytest.fixture
def examples(db):
    load_examples()
    return {example.slug: example for example in Example.objects.all()}


def start_url(slug=SLUG):
    return reverse("examples:start", kwargs={"slug": slug})


# --- Reading the gallery, signed in or not ---------------------------------------------------------------------------


def test_the_list_shows_every_example_with_its_statement_deadline_and_checker_level(client, examples):
    response = client.get(reverse("examples:list"))

    assert response.status_code == 200
    page = response.content.decode()
    for example in examples.values():
        report = check(example.document)
        assert example.title.replace("&", "&amp;") in page
        assert example.get_absolute_url() in page
        assert str(example.document["deadline_year"]) in page
        assert f"readiness <strong>{report.readiness}</strong>/100" in page
    assert "By 2030, everyone eats well every day with nutritious, affordable, sustainable food." in page
    assert "Ready for review" in page or "Taking shape" in page


def test_the_navbar_links_to_the_gallery_for_everyone(client, examples):
    response = client.get(reverse("examples:list"))

    assert f'<a class="nav-link" href="{reverse("examples:list")}">Worked examples</a>' in response.content.decode()


def test_a_detail_page_shows_the_one_pager_the_scorecard_the_findings_and_the_sources(client, examples):
    example = examples[SLUG]
    report = check(example.document)

    response = client.get(example.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert example.document["statement"].replace("%", "%") in page
    assert 'id="mission-title"' in page  # the one-pager
    assert "<svg" in page and "Mission checker scores" in page  # the radar chart, not escaped
    assert "&lt;svg" not in page
    for criterion in report.criteria.values():
        assert criterion["label"] in page
    # Every finding: its message (escaped), suggestion and source.
    assert report.findings, "the documents leave gaps, so the checker has something to say"
    for finding in report.findings:
        assert finding.suggestion.replace("'", "&#x27;") in page
        assert str(cite(finding.source.file, finding.source.at)) in page.replace("</cite>", "")
        assert finding.source.file not in page
    assert "Nothing is said yet about monitoring." in page
    # Every citation as a numbered footnote, with the file and timestamp or the outside address.
    notes = footnotes(example.document)
    assert len(notes) == len(example.document["citations"]) >= 15
    for note in notes:
        assert f'id="note-{note.number}"' in page
    assert str(cite("000_f67c9f7830c09c20.txt", "01:39:24")) in page.replace("</cite>", "")
    assert "hightech-strategie.de, Krebs bekämpfen" in page
    assert "Published elsewhere" in page


def test_the_detail_page_offers_the_pdf_download(client, examples):
    response = client.get(examples[SLUG].get_absolute_url())

    assert reverse("pdf:example", kwargs={"slug": SLUG}) in response.content.decode()


def test_an_anonymous_visitor_is_asked_to_sign_in_to_start_from_an_example(client, examples):
    response = client.get(examples[SLUG].get_absolute_url())

    page = response.content.decode()
    assert "Sign in to start from this example" in page
    assert start_url() not in page


def test_a_person_without_a_team_they_can_edit_is_told_so_and_pointed_to_creating_one(client, examples):
    viewer = make_user("only-views")
    make_team("Somebody else's team", viewer=viewer)
    client.force_login(viewer)

    page = client.get(examples[SLUG].get_absolute_url()).content.decode()

    assert "you need a team where you are an owner or editor" in page
    assert reverse("teams:create") in page
    assert start_url() not in page


def test_the_start_form_lists_only_the_teams_where_the_person_may_add_canvases(client, examples):
    person = make_user("mixed")
    make_team("Where I edit", editor=person)
    make_team("Where I own", owner=person)
    make_team("Where I review", reviewer=person)
    client.force_login(person)

    page = client.get(examples[SLUG].get_absolute_url()).content.decode()

    assert start_url() in page
    assert '<label class="form-label" for="id_team">' in page
    assert "Where I edit" in page and "Where I own" in page
    assert "Where I review" not in page


def test_an_unknown_example_answers_404(client, db):
    assert client.get(reverse("examples:detail", kwargs={"slug": "no-such-mission"})).status_code == 404


def test_document_text_is_escaped(client, examples):
    example = examples[SLUG]
    example.document["title"] = "<script>alert(1)</script>"
    example.document["statement"] = '<img src=x onerror="alert(2)">'
    example.document["citations"]["statement"] = [
        {"source": "javascript:alert(3)", "outside": True, "note": "<b>x</b>"}
    ]
    example.save()

    page = client.get(example.get_absolute_url()).content.decode()
    listing = client.get(reverse("examples:list")).content.decode()

    assert "<script>alert(1)" not in page and "<script>alert(1)" not in listing
    assert "<img src=x" not in page and "<img src=x" not in listing
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert 'href="javascript:' not in page  # only http(s) addresses become links


def test_pages_have_no_inline_scripts_styles_or_handlers(client, examples):
    for url in [reverse("examples:list"), examples[SLUG].get_absolute_url()]:
        page = client.get(url).content.decode()
        assert "<script>" not in page
        assert " style=" not in page
        assert " onclick=" not in page and " onload=" not in page


@pytest.mark.parametrize("signed_in", [False, True])
def test_query_counts_do_not_grow_with_the_number_of_examples(client, examples, signed_in):
    if signed_in:
        person = make_user("counter")
        make_team("Counting team", owner=person)
        make_team("Second team", editor=person)
        client.force_login(person)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    list_url = reverse("examples:list")
    detail_url = examples[SLUG].get_absolute_url()
    many_list, many_detail = queries(list_url), queries(detail_url)
    Example.objects.exclude(slug=SLUG).delete()
    assert queries(list_url) == many_list
    assert queries(detail_url) == many_detail
    # Signed in: session, person, unread-notification count, teams for the form.
    assert many_list <= (4 if signed_in else 1)


# --- Where a cited field sits, in plain words --------------------------------------------------------------------------


def test_cited_field_paths_read_in_plain_words_and_point_at_the_canvas(examples):
    document = examples[SLUG].document

    assert describe_path(document, "statement") == ("Mission statement", "mission-title")
    assert describe_path(document, "governance.working_together") == (
        "Governance and learning › working together",
        "section-governance",
    )
    label, anchor = describe_path(document, "root_causes[1].evidence")
    assert label == f"Root causes › “{document['root_causes'][1]['title']}” › evidence"
    assert anchor == f"item-{document['root_causes'][1]['id']}"
    assert describe_path(document, "metrics[0].target.year")[0].endswith("› target › year")


def test_footnotes_follow_the_canvas_from_top_to_bottom(examples):
    paths = [note.path for note in footnotes(examples["vision-zero-cancer"].document)]

    assert paths[:2] == ["title", "statement"]
    assert paths.index("story.why_now") < paths.index("story.who_is_affected") < paths.index("story.what_will_change")
    assert paths.index("layers[1]") < paths.index("root_causes[0]") < paths.index("long_term")


# --- Start from this example -------------------------------------------------------------------------------------------


def test_starting_from_an_example_makes_an_editable_draft_in_the_team_and_leaves_the_example_alone(
    client_for, people, examples
):
    example = examples[SLUG]
    before = copy.deepcopy(example.document)
    before_hash = example.content_hash
    client = client_for("editor")

    response = client.post(start_url(), {"team": people["team"].slug})

    canvas = Canvas.objects.get(team=people["team"], title=example.title)
    assert response.status_code == 302
    assert response.url == reverse("canvases:edit", kwargs={"pk": canvas.pk})
    assert canvas.status == Status.DRAFT
    assert canvas.created_by == people["editor"]
    assert canvas.document == example.document
    first = canvas.revisions.get()
    assert first.number == 1
    assert first.summary == f"Started from the worked example “{example.title}”"
    assert client.get(response.url).status_code == 200  # the editor opens on the copy

    # Editing the copy does not reach the example.
    canvas.document["statement"] = "Our own mission now."
    canvas.save()
    example.refresh_from_db()
    assert example.document == before
    assert example.content_hash == before_hash


def test_starting_twice_makes_two_separate_canvases(client_for, people, examples):
    client = client_for("owner")

    client.post(start_url(), {"team": people["team"].slug})
    client.post(start_url(), {"team": people["team"].slug})

    assert Canvas.objects.filter(team=people["team"], title=examples[SLUG].title).count() == 2


def test_starting_without_choosing_a_team_shows_the_page_again_with_the_error(client_for, people, examples):
    response = client_for("editor").post(start_url(), {"team": ""})

    assert response.status_code == 422
    assert "Choose the team the new canvas belongs to." in response.content.decode()
    assert not Canvas.objects.filter(title=examples[SLUG].title).exists()


def test_starting_needs_a_post(client_for, people, examples):
    assert client_for("editor").get(start_url()).status_code == 405


# Each role POSTs "start" into the test team: the rows the permission matrix cannot express,
# since the team is chosen in the form.
START_ROWS = {"anonymous": "login", "outsider": 404, "viewer": 403, "reviewer": 403, "editor": 302, "owner": 302}


@pytest.mark.parametrize(("role", "expected"), START_ROWS.items())
def test_who_may_start_from_an_example_in_the_team(client_for, people, examples, role, expected):
    response = client_for(role).post(start_url(), {"team": people["team"].slug})

    copies = Canvas.objects.filter(team=people["team"], title=examples[SLUG].title)
    if expected == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
        assert not copies.exists()
    else:
        assert response.status_code == expected
        assert copies.count() == (1 if expected == 302 else 0)


def test_a_team_that_does_not_exist_answers_404(client_for, people, examples):
    assert client_for("owner").post(start_url(), {"team": "no-such-team"}).status_code == 404


def test_an_unknown_example_cannot_be_started(client_for, people, db):
    response = client_for("owner").post(start_url("no-such-mission"), {"team": people["team"].slug})

    assert response.status_code == 404


def test_an_editor_demoted_to_viewer_can_no_longer_start_in_that_team(client_for, people, examples):
    Membership.objects.filter(team=people["team"], user=people["editor"]).update(role="viewer")

    response = client_for("editor").post(start_url(), {"team": people["team"].slug})

    assert response.status_code == 403
