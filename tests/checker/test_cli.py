"""The command-line checker: text and JSON output, exit codes, and the manage.py command."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from tests.checker.canvases import complete_canvas
from workbench.checker.cli import run


@pytest.fixture
def files(tmp_path):
    def write(name, content):
        path = tmp_path / name
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        return str(path)

    return write


def test_clean_canvas_exits_0_with_a_readiness_line(files):
    path = files("good.json", complete_canvas())
    out = io.StringIO()
    assert run([path], "text", out) == 0
    assert out.getvalue().splitlines() == [f"{path}: readiness 100/100, ready for review"]


def test_text_lines_name_file_section_item_severity_rule(files):
    document = complete_canvas()
    document["levers"][1]["owner"] = ""
    document["metrics"][0]["direction"] = "increase"
    path = files("draft.json", document)
    out = io.StringIO()
    assert run([path], "text", out) == 1
    lines = out.getvalue().splitlines()
    assert f"{path}: metrics[metric-1]: error metric-direction " in lines[0]
    assert any(line.startswith(f"{path}: levers[lever-2]: warning lever-owner Nobody owns") for line in lines)


def test_json_output_shape(files):
    first = files("a.json", complete_canvas())
    second = files("b.json", complete_canvas(statement="Promote healthy food.", deadline_year=None))
    out = io.StringIO()
    assert run([first, second], "json", out) == 1
    data = json.loads(out.getvalue())
    assert [entry["file"] for entry in data] == [first, second]
    assert set(data[0]) == {"file", "readiness", "level", "criteria", "findings"}
    assert set(data[0]["criteria"]["bold"]) == {"score"}
    assert data[0]["findings"] == []
    finding = data[1]["findings"][0]
    assert set(finding) == {"rule", "criterion", "severity", "section", "item", "message", "suggestion", "source"}
    assert finding["rule"] == "deadline-missing" and finding["severity"] == "error"
    assert data[1]["level"] == "not yet a mission"


def test_invalid_or_unreadable_files_exit_2_naming_file_and_field(files, tmp_path):
    broken = complete_canvas()
    broken["metrics"][0]["target"]["year"] = "soon"
    bad = files("bad.json", broken)
    garbage = files("garbage.json", "{not json")
    missing = str(tmp_path / "missing.json")
    good = files("good.json", complete_canvas())
    out, err = io.StringIO(), io.StringIO()
    assert run([bad, garbage, missing, good], "text", out, err) == 2
    problems = err.getvalue()
    assert f"{bad}: metrics[0].target.year: must be a whole year" in problems
    assert f"{garbage}: (document): not valid JSON" in problems
    assert f"{missing}: cannot read the file" in problems
    assert out.getvalue().strip() == f"{good}: readiness 100/100, ready for review"


def test_management_command_calls_the_same_core(files):
    path = files("good.json", complete_canvas(near_term=""))
    out = io.StringIO()
    call_command("check_canvas", path, "--format", "json", stdout=out)
    (result,) = json.loads(out.getvalue())
    assert result["file"] == path
    assert [f["rule"] for f in result["findings"]] == ["near-term-missing"]


def test_management_command_exits_with_the_status(files):
    path = files("draft.json", complete_canvas(statement="", deadline_year=None))
    with pytest.raises(SystemExit) as stopped:
        call_command("check_canvas", path, stdout=io.StringIO())
    assert stopped.value.code == 1
