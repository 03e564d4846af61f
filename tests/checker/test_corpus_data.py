"""The labelled corpus (tests/checker/corpus/) is well formed: valid canvases, a truthful index, enough of each kind.

Only the data is checked here, not the checker's verdicts on it (those are in test_corpus_floors.py).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from workbench.document import parse

CORPUS = Path(__file__).with_name("corpus")
LABELS = {"real", "washed"}
KINDS = {"real", "washed", "undated", "dated_output"}
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"\b(19|20)\d\d\b")


@cache
def index() -> tuple[dict, ...]:
    return tuple(json.loads((CORPUS / "index.json").read_text(encoding="utf-8")))


@cache
def document(file: str) -> dict:
    return parse((CORPUS / file).read_bytes())


@cache
def statements() -> tuple[dict, ...]:
    return tuple(json.loads((CORPUS / "statements.json").read_text(encoding="utf-8")))


def entries(label: str, hard: bool | None = None) -> list[dict]:
    return [e for e in index() if e["label"] == label and (hard is None or bool(e["hard"]) == hard)]


def test_index_entries_are_complete():
    for entry in index():
        assert set(entry) == {"file", "label", "hard", "source", "note"}, entry
        assert entry["label"] in LABELS, entry
        assert isinstance(entry["hard"], bool), entry
        assert entry["source"].strip() and entry["note"].strip(), entry
        assert entry["file"].startswith(entry["label"] + "/"), entry
        assert not (entry["label"] == "real" and entry["hard"]), entry
    files = [e["file"] for e in index()]
    assert len(files) == len(set(files))


def test_index_and_files_match():
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.json")}
    assert on_disk == {e["file"] for e in index()}


@pytest.mark.parametrize("file", [e["file"] for e in index()])
def test_every_canvas_is_a_valid_document(file):
    doc = document(file)
    assert doc["schema"] == "mission-canvas/1"
    assert doc["statement"].strip()


def test_counts():
    assert len(entries("real")) >= 12
    assert len(entries("washed")) >= 12
    assert len(entries("washed", hard=True)) >= max(6, len(entries("washed")) // 2)


def test_every_real_canvas_names_its_published_source():
    for entry in entries("real"):
        assert "http" in entry["source"], entry["file"]
        doc = document(entry["file"])
        assert any("http" in c["source"] for c in doc["citations"].get("statement", [])), entry["file"]


def test_real_canvases_are_reasonably_full():
    for entry in entries("real"):
        doc = document(entry["file"])
        for section in ("root_causes", "stakeholders", "opportunity_areas", "levers", "metrics"):
            assert doc[section], (entry["file"], section)
        assert any(m["kind"] == "mission_outcome" for m in doc["metrics"]), entry["file"]


def test_real_canvases_do_not_copy_the_worked_examples():
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    seed_statements = {json.loads(p.read_text(encoding="utf-8"))["statement"] for p in seeds.glob("*.json")}
    for entry in entries("real"):
        assert document(entry["file"])["statement"] not in seed_statements, entry["file"]


def _has_digit_and_year(*texts) -> bool:
    text = " ".join(str(t) for t in texts if t is not None)
    return bool(DIGIT.search(text)) and bool(YEAR.search(text))


def test_hard_washed_canvases_have_numbers_and_dates_everywhere_and_every_section_filled():
    for entry in entries("washed", hard=True):
        doc = document(entry["file"])
        where = entry["file"]
        assert _has_digit_and_year(doc["statement"]), where
        assert doc["deadline_year"], where
        assert doc["metrics"], where
        for metric in doc["metrics"]:
            assert _has_digit_and_year(metric["name"], metric["target"]["value"], metric["target"]["year"]), (
                where,
                metric["id"],
            )
        for section in ("layers", "root_causes", "stakeholders", "opportunity_areas", "levers"):
            assert doc[section], (where, section)
        assert all(doc["story"].values()), where
        assert all(doc["governance"].values()), where
        assert doc["system"]["description"] and doc["near_term"] and doc["long_term"], where
        assert doc["budget"]["amount"], where


def test_washed_canvases_cover_several_topics_and_phrasings():
    washed = [document(e["file"])["statement"] for e in entries("washed")]
    first_verbs = Counter(re.sub(r"^(by \d{4}, )?(we will |\w+ will )?", "", s.lower()).split()[0] for s in washed)
    assert len(first_verbs) >= 6, first_verbs


def test_statements_are_well_formed():
    rows = statements()
    assert len(rows) >= 60
    for row in rows:
        assert row["kind"] in KINDS, row
        assert row["topic"].strip() and row["statement"].strip(), row
        if row["kind"] == "real":
            assert "http" in row.get("source", ""), row
            assert row["deadline"] is None or re.fullmatch(r"\d{4}", row["deadline"]), row
            if row["deadline"]:
                assert row["deadline"] in row["statement"], row
        else:
            assert row.get("deadline") is None, row


def test_every_topic_has_one_statement_of_each_kind():
    by_topic: dict[str, Counter] = {}
    for row in statements():
        by_topic.setdefault(row["topic"], Counter())[row["kind"]] += 1
    assert len(by_topic) >= 20
    for topic, kinds in by_topic.items():
        assert kinds == Counter(KINDS), (topic, kinds)


def test_statement_kinds_differ_as_their_labels_say():
    by_topic: dict[str, dict[str, str]] = {}
    for row in statements():
        by_topic.setdefault(row["topic"], {})[row["kind"]] = row["statement"]
    for topic, kinds in by_topic.items():
        assert len(set(kinds.values())) == 4, topic
        assert _has_digit_and_year(kinds["dated_output"]), topic
        assert not YEAR.search(kinds["washed"]), topic
        real = next(r for r in statements() if r["topic"] == topic and r["kind"] == "real")
        if real["deadline"]:
            assert real["deadline"] not in kinds["undated"], topic


def test_dated_output_decoys_vary_their_verbs():
    decoys = [r["statement"] for r in statements() if r["kind"] == "dated_output"]
    verbs = Counter(re.sub(r"^by [^,]+, ", "", s.lower()).split()[0] for s in decoys)
    assert len(verbs) >= 20, verbs
    assert verbs.most_common(1)[0][1] <= len(decoys) // 4, verbs
