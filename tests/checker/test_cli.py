"""The command-line checker: text and JSON output, exit codes, the manage.py command and the mission-check script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.checker.canvases import complete_canvas
from workbench.checker import REGISTRY, check
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


# --- Rules switched off -----------------------------------------------------------------------------------------------


def waived_canvas():
    """A canvas with one rule switched off that finds something and one, imported, that finds nothing."""
    document = complete_canvas(near_term="")
    document["waivers"] = [
        {
            "rule": "near-term-missing",
            "reason": "The board agreed\nthe first year in March.",
            "by": "ana",
            "on": "2026-03-01",
        },
        {"rule": "budget-stated", "reason": "Set each year.", "by": "bo", "on": "2026-03-02", "imported": True},
    ]
    return document


def test_text_output_lists_each_rule_switched_off_before_the_readiness_line(files):
    path = files("waived.json", waived_canvas())
    out = io.StringIO()
    assert run([path], "text", out) == 0
    lines = out.getvalue().splitlines()
    report = check(waived_canvas())
    assert lines[-3:] == [
        f"{path}: waivers: switched off near-term-missing (reason: The board agreed the first year in March.; by ana on 2026-03-01)",
        f"{path}: waivers: switched off budget-stated (reason: Set each year.; imported by bo on 2026-03-02)",
        f"{path}: readiness {report.readiness}/100, {report.level}",
    ]
    assert not any("near-term-missing" in line for line in lines[:-3])  # its finding is switched off, not listed


def test_json_output_lists_the_rules_switched_off(files):
    path = files("waived.json", waived_canvas())
    out = io.StringIO()
    run([path], "json", out)
    (result,) = json.loads(out.getvalue())
    assert result["switched_off"] == [
        {
            "rule": "near-term-missing",
            "title": REGISTRY.get("near-term-missing").title,
            "severity": "warning",
            "reason": "The board agreed\nthe first year in March.",
            "by": "ana",
            "on": "2026-03-01",
            "imported": False,
        },
        {
            "rule": "budget-stated",
            "title": REGISTRY.get("budget-stated").title,
            "severity": "advice",
            "reason": "Set each year.",
            "by": "bo",
            "on": "2026-03-02",
            "imported": True,
        },
    ]


def test_a_waiver_of_an_error_rule_is_not_listed_as_switched_off(files):
    document = complete_canvas(statement="Promote healthy food.", deadline_year=None)
    document["waivers"] = [{"rule": "deadline-missing", "reason": "We have no deadline yet."}]
    path = files("error.json", document)
    out = io.StringIO()
    assert run([path], "text", out) == 1
    text = out.getvalue()
    assert ": waivers: switched off" not in text
    assert f"{path}: waivers: advice waiver-valid 'deadline-missing' finds a canvas that contradicts itself" in text
    assert f"{path}: identity: error deadline-missing " in text


# --- mission-check: the console script, without Django ----------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
CAMDEN = REPO / "seeds" / "camden-food.json"


def mission_check() -> list[str]:
    """The installed console script; `python -m workbench.checker.cli` when the package is not installed."""
    script = Path(sys.executable).with_name("mission-check")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "workbench.checker.cli"]


def without_django(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG")}
    return subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=60, check=False)


def test_mission_check_is_declared_as_a_console_script():
    with (REPO / "pyproject.toml").open("rb") as file:
        scripts = tomllib.load(file)["project"]["scripts"]
    assert scripts["mission-check"] == "workbench.checker.cli:main"


def test_mission_check_runs_without_django_settings_and_prints_what_check_canvas_prints(files):
    finished = without_django(*mission_check(), str(CAMDEN))
    assert (finished.returncode, finished.stderr) == (0, "")
    expected = io.StringIO()
    call_command("check_canvas", str(CAMDEN), stdout=expected)
    assert finished.stdout == expected.getvalue()
    assert finished.stdout.splitlines()[-1].startswith(f"{CAMDEN}: readiness ")

    finished = without_django(*mission_check(), "--format", "json", str(CAMDEN))
    expected = io.StringIO()
    call_command("check_canvas", "--format", "json", str(CAMDEN), stdout=expected)
    assert finished.returncode == 0
    assert json.loads(finished.stdout) == json.loads(expected.getvalue())


def test_mission_check_exits_1_on_error_findings_and_2_on_a_broken_file(files):
    draft = files("draft.json", complete_canvas(statement="", deadline_year=None))
    finished = without_django(*mission_check(), draft)
    assert finished.returncode == 1
    assert f"{draft}: identity: error statement-missing " in finished.stdout

    broken = complete_canvas()
    broken["metrics"][0]["target"]["year"] = "soon"
    bad = files("bad.json", broken)
    finished = without_django(*mission_check(), bad, str(CAMDEN))
    assert finished.returncode == 2
    assert finished.stderr.splitlines() == [f"{bad}: metrics[0].target.year: must be a whole year"]
    assert finished.stdout.splitlines()[-1].startswith(f"{CAMDEN}: readiness ")

    finished = without_django(*mission_check(), "--format", "yaml", str(CAMDEN))
    assert finished.returncode == 2 and "invalid choice: 'yaml'" in finished.stderr


def test_the_command_line_checker_imports_nothing_from_django():
    code = "import sys, workbench.checker.cli; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    finished = without_django(sys.executable, "-c", code)
    assert (finished.returncode, finished.stdout.strip()) == (0, "[]")
