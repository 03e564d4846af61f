"""1,000 malformed canvases sent through the import page and the editor's save: never a server error, every refusal
names the field it is about, and nothing already stored changes."""

import json

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.canvases.test_editing import editor_post
from tests.canvases.test_import_export import upload
from tests.factories import full_document, make_canvas
from workbench.canvases.models import Canvas, Revision
from workbench.document.spec import BIDI_CONTROLS, CANVAS, ITEMS_MAX, LINES_MAX, NESTING_MAX

BASE = full_document()
# The editor's page is slow to render (about 0.1 s a field-full canvas): its canvas has one item a list.
SMALL = full_document(items=1)

STRINGS = [
    ("title",),
    ("statement",),
    ("place",),
    ("budget", "currency"),
    ("story", "why_now"),
    ("layers", 0, "description"),
    ("root_causes", 1, "evidence", "source"),
    ("stakeholders", 0, "role"),
    ("opportunity_areas", 0, "initiatives", 0),
    ("levers", 1, "owner"),
    ("metrics", 0, "unit"),
    ("governance", "financing"),
    ("near_term",),
]
NAMES = [("title",)] + [
    (section.key, position, section.title_field) for section in CANVAS.list_sections for position in (0, 1)
]
NUMBERS = [
    ("budget", "amount"),
    ("deadline_year",),
    ("metrics", 0, "target", "value"),
    ("metrics", 1, "baseline", "value"),
    ("metrics", 0, "target", "year"),
]
OBJECTS = [(), ("story",), ("budget",), ("governance",), ("root_causes", 0), ("metrics", 1, "target")]
ANYWHERE = (
    STRINGS
    + NUMBERS
    + [
        ("root_causes",),
        ("story",),
        ("levers", 0, "opportunity_areas"),
        ("metrics", 1, "measures"),
        ("layers", 0, "level"),
        ("citations",),
        ("waivers",),
        ("schema",),
    ]
)
MARK = "MARK-7f3a"


def put(document, path, value):
    """The document with the value at the path (a copy)."""
    document = json.loads(json.dumps(document))
    holder = document
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = value
    return document


def marked(path, token: str) -> str:
    """The base document as text, with the raw JSON `token` in place of the value at the path."""
    return json.dumps(put(BASE, path, MARK)).replace(f'"{MARK}"', token, 1)


short_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
# Values of a type no field of the paths below takes (neither text nor a number nor empty).
wrong_value = st.one_of(
    st.booleans(),
    st.lists(st.integers(0, 9), min_size=1, max_size=3),
    st.dictionaries(st.sampled_from(["zz", "value2", "id2"]), st.integers(0, 9), min_size=1, max_size=2),
)


def _non_finite(path, token):
    return marked(path, token)


def _duplicate(path, key_value):
    holder = BASE
    for part in path:
        holder = holder[part]
    key = sorted(holder)[key_value[0] % len(holder)]
    text = json.dumps(put(BASE, (*path, "__dup__"), 0) if path else {"__dup__": 0, **BASE})
    return text.replace('"__dup__": 0', f'"{key}": {json.dumps(key_value[1])}', 1)


def _nul(path, around):
    return json.dumps(put(BASE, path, f"{around[0]}\x00{around[1]}"))


def _direction(path, char, around):
    return json.dumps(put(BASE, path, f"{around}{char}{around}"))


def _long_list(section, count):
    items = [{**BASE[section][0], "id": f"{section[:5]}-{n}"} for n in range(count)]
    document = put(BASE, (section,), items)
    for other, field in CANVAS.link_fields():  # links to the old items would be refused first
        for item in document[other.key]:
            item[field.key] = []
    return json.dumps(document)


def _many_lines(count):
    return json.dumps(put(BASE, ("opportunity_areas", 0, "initiatives"), [f"Idea {n}" for n in range(count)]))


def _deep(path, depth):
    return marked(path, "[" * depth + "1" + "]" * depth)


def _wrong_type(path, value):
    return json.dumps(put(BASE, path, value))


bad_files = st.one_of(
    st.builds(
        _non_finite,
        st.sampled_from(NUMBERS),
        st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e300", "9" * 5000]),
    ),
    st.builds(_duplicate, st.sampled_from(OBJECTS), st.tuples(st.integers(0, 50), wrong_value)),
    st.builds(_nul, st.sampled_from(STRINGS), st.tuples(short_text, short_text)),
    st.builds(_direction, st.sampled_from(NAMES), st.sampled_from(BIDI_CONTROLS), short_text),
    st.builds(_long_list, st.sampled_from(CANVAS.list_keys), st.integers(ITEMS_MAX + 1, 400)),
    st.builds(_many_lines, st.integers(LINES_MAX + 1, 200)),
    st.builds(_deep, st.sampled_from(ANYWHERE), st.integers(NESTING_MAX, 1500)),
    st.builds(_wrong_type, st.sampled_from([p for p in ANYWHERE if p not in STRINGS]), wrong_value),
)

# --- The editor's save ----------------------------------------------------------------------------------------------

EDITOR_NUMBERS = ["budget_amount", "metrics-0-target_value", "metrics-0-baseline_value"]
EDITOR_TEXTS = ["title", "statement", "story_why_now", "root_causes-0-description", "levers-0-owner", "metrics-0-unit"]
EDITOR_NAMES = ["title", "layers-0-title", "root_causes-0-title", "stakeholders-0-name", "metrics-0-name"]
EDITOR_CHOICES = ["layers-0-level", "stakeholders-0-sector", "levers-0-type", "metrics-0-direction"]

bad_posts = st.one_of(
    st.tuples(
        st.sampled_from(EDITOR_NUMBERS),
        st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "1e999", "1e300", "-1e300", "12abc", "9" * 400]),
    ).map(lambda pair: {pair[0]: pair[1]}),
    st.tuples(st.sampled_from(EDITOR_TEXTS), short_text, short_text).map(lambda t: {t[0]: f"{t[1]}\x00{t[2]}"}),
    st.tuples(st.sampled_from(EDITOR_NAMES), st.sampled_from(BIDI_CONTROLS), short_text).map(
        lambda t: {t[0]: f"Name {t[2]}{t[1]}"}
    ),
    st.tuples(st.sampled_from(CANVAS.list_keys), st.integers(ITEMS_MAX + 1, 10**6)).map(
        lambda t: {f"{t[0]}-TOTAL_FORMS": t[1], f"{t[0]}-1-{CANVAS.section(t[0]).title_field}": "One too many"}
    ),
    st.tuples(st.sampled_from(CANVAS.list_keys), st.sampled_from(["", "many", "-1", "1e3"])).map(
        lambda t: {f"{t[0]}-TOTAL_FORMS": t[1]}
    ),
    st.tuples(st.sampled_from(EDITOR_CHOICES), st.text(alphabet="abcxyz", min_size=1, max_size=8)).map(
        lambda t: {t[0]: f"no-{t[1]}"}
    ),
    st.integers(LINES_MAX + 1, 300).map(
        lambda n: {"opportunity_areas-0-initiatives": "\n".join(f"Idea {i}" for i in range(n))}
    ),
    st.sampled_from(["title", "place", "metrics-0-name", "story_why_now"]).map(lambda name: {name: "x" * 20_001}),
    st.sampled_from(["levers-0-opportunity_areas", "metrics-0-measures"]).map(lambda name: {name: ["no-such-item"]}),
    st.sampled_from(["deadline_year", "metrics-0-target_year"]).map(lambda name: {name: "2030s"}),
)


@settings(
    max_examples=1000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    sent=st.one_of(
        bad_files.map(lambda text: ("import", text)),
        bad_files.map(lambda text: ("import", text)),
        bad_files.map(lambda text: ("import", text)),
        bad_posts.map(lambda changes: ("editor", changes)),
    )
)
def test_malformed_canvases_are_refused_with_their_path_and_change_nothing(client_for, people, sent):
    """Three in four go through the import page (a few milliseconds each), one in four through the editor."""
    door, bad = sent
    canvas = Canvas.objects.filter(title=SMALL["title"]).first() or make_canvas(
        people["team"], people["owner"], document=SMALL
    )
    client = client_for("editor")
    stored = (Canvas.objects.count(), Revision.objects.count(), canvas.document)
    if door == "import":
        response = client.post(reverse("canvases:import", kwargs={"slug": people["team"].slug}), {"file": upload(bad)})
        assert response.status_code == 400, response.status_code
        refused = [(error.path, error.message) for error in response.context["errors"]]
        refused += [("file", message) for message in response.context["form"].errors.get("file", [])]
    else:
        data = editor_post(SMALL, 1, **bad)
        response = client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
        assert response.status_code == 422, response.status_code
        refused = [(error["path"], error["message"]) for error in response.context["editor"].errors]
    assert refused, "a refusal says what is wrong"
    assert all(path for path, _ in refused), refused
    canvas.refresh_from_db()
    assert (Canvas.objects.count(), Revision.objects.count(), canvas.document) == stored
