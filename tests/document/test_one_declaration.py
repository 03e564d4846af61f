"""Each label of the canvas is written once, in the canvas spec: no module or template keeps a copy of it.

A copy is a Python string literal, or a template's text or quoted string, that is a label of the spec (a section
title, a field label or its short form, a choice label), with or without a closing colon. Labels of several words
are also looked for in lower case ("why now"), the way a sentence would quote them. Templates that show a label
render it from the spec (`{{ "levers.owner"|field_label }}`) and hold no copy.
"""

import ast
import re
from pathlib import Path

from workbench.document.spec import CANVAS, MISSION_LABEL, MISSION_SHORT, Field

ROOT = Path(__file__).resolve().parents[2]
SPEC_MODULE = "workbench/document/spec.py"

# The same words meaning something else. Add here only a word that is not the canvas's label where it stands.
ELSEWHERE = {
    ("Governance and learning", "workbench/checker/base.py"): "the checker's criterion that judges that section",
    ("New", "templates/review/notifications.html"): "the badge on an unread notification",
    ("Owner", "workbench/teams/models.py"): "a team member's role",
    ("Owner", "workbench/teams/migrations/0001_initial.py"): "the same role, in its migration",
    ("Who", "templates/canvases/history.html"): "the column of who saved a revision",
    ("Mission", "workbench/progress/portfolio.py"): "the portfolio's column of a team's missions, sorted by title",
    ("Mission", "templates/progress/partials/portfolio_body.html"): "that column's label on a phone's cards",
    ("Value", "workbench/progress/forms.py"): "a measurement's value, recorded on the progress page",
    ("Value", "templates/progress/_metric.html"): "the column of recorded values",
    ("Value", "templates/progress/history.html"): "a recorded value in the history of measurements",
    ("Actor", "workbench/progress/migrations/0001_initial.py"): "the kind of a matched name, in its migration",
}

_TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)


def _fields(fields):
    for field in fields:
        yield field
        yield from _fields(field.fields)


def spec_labels() -> set[str]:
    labels = {MISSION_LABEL, MISSION_SHORT}
    for section in CANVAS.sections:
        labels.add(section.title)
        for field in _fields(section.fields):
            assert isinstance(field, Field)
            labels.update(filter(None, [field.label, field.short_label]))
    for choices in CANVAS.choices.values():
        labels.update(filter(None, (text for choice in choices for text in (choice.label, choice.short))))
    return labels


def _python_strings(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def _template_strings(path: Path):
    text = path.read_text(encoding="utf-8")
    yield from re.findall(r'"([^"\n]*)"', text)
    for between_tags in re.split(r"<[^>]*>", text):
        yield from _TEMPLATE_CODE.split(between_tags)


def copies(root: Path = ROOT) -> dict[str, set[str]]:
    """Label → the modules and templates whose strings are that label."""
    labels = spec_labels()
    lower = {label.lower(): label for label in labels if " " in label}
    files = [(p, _python_strings) for p in sorted((root / "workbench").rglob("*.py"))]
    files += [(p, _template_strings) for p in sorted((root / "templates").rglob("*")) if p.suffix in (".html", ".txt")]
    found: dict[str, set[str]] = {}
    for path, strings in files:
        where = str(path.relative_to(root))
        for string in strings(path):
            text = string.strip().removesuffix(":").strip()
            label = text if text in labels else lower.get(text)
            if label is not None:
                found.setdefault(label, set()).add(where)
    return found


def test_the_scan_finds_labels_in_the_spec_and_would_find_a_copy(tmp_path):
    found = copies()
    assert all(found.get(label, set()) >= {SPEC_MODULE} for label in spec_labels())

    (tmp_path / "workbench").mkdir()
    (tmp_path / "workbench" / "labels.py").write_text(
        'WORDS = {"why_now": "why now", "monitoring": f"{x} Monitoring"}\n'
    )
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text(
        '<dt>What will be different</dt> {% if x %}Early evaluation:{% endif %} {{ x|default:"ICT and data" }}'
    )
    assert copies(tmp_path) == {
        "Why now": {"workbench/labels.py"},
        "Monitoring": {"workbench/labels.py"},
        "What will be different": {"templates/page.html"},
        "Early evaluation": {"templates/page.html"},
        "ICT and data": {"templates/page.html"},
    }


def test_every_label_of_the_canvas_is_written_in_the_spec_only():
    stray = {
        label: sorted(where - {SPEC_MODULE} - {path for (word, path) in ELSEWHERE if word == label})
        for label, where in copies().items()
    }
    stray = {label: where for label, where in stray.items() if where}
    assert stray == {}, "read these labels from workbench.document.spec instead of copying them"


def test_the_exceptions_are_still_needed():
    found = copies()
    unused = [(label, where) for (label, where) in ELSEWHERE if where not in found.get(label, set())]
    assert unused == []
