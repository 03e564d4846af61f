"""The five worked examples in seeds/: valid, sourced, and free of invented numbers or copied sentences.

Each example cites every filled field with a seed file and a timestamp from that file (or, for the few
published facts from outside the workshop documents, with the address the specification names). These
tests read the cited passages back and check that the documents really say what the examples claim.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from workbench.document import dumps, normalize, validate

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SOURCES = SEEDS / "sources"

EXAMPLES = [
    "vision-zero-cancer",
    "genomics-health-futures",
    "national-decade-against-cancer",
    "health-holland",
    "camden-food",
]

# The published facts from outside the workshop documents that the specification (§4) allows, by the
# address an example cites. A number taken from one of them must occur in this text.
OUTSIDE_FACTS = {
    "https://wemakecamden.org.uk/about": (
        "By 2030, everyone eats well every day with nutritious, affordable, sustainable food"
    ),
    "https://health-holland.com/about-us": (
        "central mission: by 2040 everyone in the Netherlands lives at least five more years in good "
        "health, and the health gap between the lowest and highest socio-economic groups is 30 % smaller; "
        "sub-missions by 2030/2040 (care in people's own living environment 50 %; participation of people "
        "with a chronic illness or disability +25 %; quality of life of people with dementia +25 %; "
        "disease burden from unhealthy lifestyle and environment −30 %)"
    ),
    "health.gov.au, MRFF Genomics Health Futures Mission page": (
        "full mission goal: save or transform the lives of more than 200,000 Australians through genomic "
        "research, for better testing, diagnosis and treatment; 10 years from 2018–19"
    ),
    "hightech-strategie.de, Krebs bekämpfen": (
        "launched 29 January 2019 by the federal research ministry with the health ministry, DKFZ and "
        "Deutsche Krebshilfe"
    ),
}

# Numbers no source states as such but that follow from two stated ones by adding them. Each is listed
# with its reason; the test checks the sum and that both parts occur in the field's cited sources.
DERIVED_NUMBERS = {
    ("genomics-health-futures", "deadline_year"): (2028, 2018, 10, "ten years counted from 2018–19"),
    ("genomics-health-futures", "metrics[0].target.year"): (2028, 2018, 10, "ten years counted from 2018–19"),
    ("national-decade-against-cancer", "deadline_year"): (2029, 2019, 10, "a decade launched in January 2019"),
    ("national-decade-against-cancer", "metrics[0].target.year"): (
        2029,
        2019,
        10,
        "the end of a decade launched in January 2019",
    ),
}

MINIMUM_COUNTS = {"root_causes": 3, "opportunity_areas": 3, "levers": 4, "metrics": 2}

# Where the documents do not support a minimum; seeds/README.md says the same in words.
MINIMUM_EXCEPTIONS: dict[tuple[str, str], str] = {}

MINIMUM_CITED_FIELDS = 15

COPY_RUN = 12  # this many consecutive words from a seed file count as a copied sentence

# Fields whose values are choices, ids or links: they carry no facts of their own to check for numbers.
NOT_TEXT = {"id", "level", "sector", "type", "side", "status", "kind", "direction", "measures"}
LINK_LISTS = {("opportunity_areas", "root_causes"), ("levers", "opportunity_areas")}


# --- reading the examples and the sources ------------------------------------------------------------


@cache
def load(name: str) -> dict:
    return json.loads((SEEDS / f"{name}.json").read_text(encoding="utf-8"))


def seed_files() -> list[Path]:
    return sorted(SOURCES.glob("*.txt"))


_ANCHOR = re.compile(r'<a class="yt-timestamp" data-t="(\d\d:\d\d:\d\d)">\[\d\d:\d\d:\d\d\]</a>')
_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_TAG = re.compile(r"<[^>]+>")


def clean(text: str) -> str:
    """Seed text as a reader sees it: no timestamps, tags or wiki-link targets."""
    text = _ANCHOR.sub(" ", text)
    text = _LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
    return _TAG.sub(" ", text)


@cache
def seed_body(file_name: str) -> str:
    text = (SOURCES / file_name).read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]  # the front matter holds a video id, not facts
    return text


@cache
def passages(file_name: str) -> dict[str, str]:
    """For every timestamp of a seed file, the passage it closes (text since the previous timestamp).

    Several timestamps in a row close the same passage.
    """
    found: dict[str, list[str]] = {}
    for line in seed_body(file_name).splitlines():
        start, group, group_end = 0, [], None
        anchors = list(_ANCHOR.finditer(line))
        for position, anchor in enumerate(anchors):
            if not group:
                passage = clean(line[start : anchor.start()])
            group.append(anchor.group(1))
            group_end = anchor.end()
            following = anchors[position + 1] if position + 1 < len(anchors) else None
            if following is None or line[group_end : following.start()].strip():
                for stamp in group:
                    found.setdefault(stamp, []).append(passage)
                start, group = group_end, []
    return {stamp: " ".join(texts) for stamp, texts in found.items()}


def timestamps(file_name: str) -> set[str]:
    return set(re.findall(r'data-t="(\d\d:\d\d:\d\d)"', seed_body(file_name)))


# --- numbers ------------------------------------------------------------------------------------------

_SCALES = {"thousand": 1e3, "million": 1e6, "M": 1e6, "billion": 1e9, "bn": 1e9}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUANTITY = re.compile(
    rf"(?<![\w.,])(?P<first>{_NUMBER})(?:\s*[-–]\s*(?P<second>{_NUMBER}))?"
    r"(?:\s*(?P<scale>thousand|million|billion|bn\b|M\b))?"
)
_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def numbers_in(text: str, *, unscaled_too: bool = False) -> set[float]:
    """The numbers a text states, as values: "1,500" is 1500, "1.5 billion" is 1.5e9, "10 %" and "−10" are 10.

    "2018–19" is the years 2018 and 2019; "50-500 million" is 50 and 500 million. With unscaled_too, a
    number written with a scale also counts as its bare figure ("1.5 billion" gives 1.5 as well), which a
    source text needs so that an example may write the same amount either way.
    """
    found: set[float] = set()
    for match in _QUANTITY.finditer(text):
        first, second, scale = match.group("first"), match.group("second"), match.group("scale")
        values = [_value(first)]
        if second is not None:
            if re.fullmatch(r"(19|20)\d\d", first) and re.fullmatch(r"\d\d", second):
                values.append(float(first[:2] + second))  # a year range such as 2018–19
            else:
                values.append(_value(second))
        for value in values:
            if scale:
                found.add(round(value * _SCALES[scale], 6))
                if unscaled_too:
                    found.add(value)
            else:
                found.add(value)
    for match in _WORD_NUMBER.finditer(text):
        found.add(float(_WORDS[match.group(1).lower()]))
    return found


def test_number_extractor_reads_common_forms():
    assert numbers_in("a budget of 1,500 people") == {1500}
    assert numbers_in("EUR 1.5 billion a year") == {1.5e9}
    assert numbers_in("EUR 1.5 billion a year", unscaled_too=True) == {1.5e9, 1.5}
    assert numbers_in("down 10 % in ten years") == {10}
    assert numbers_in("a change of −10% by 2029") == {10, 2029}
    assert numbers_in("10 years from 2018–19") == {10, 2018, 2019}
    assert numbers_in("AUD 50-500 million over 10-year terms") == {50e6, 500e6, 10}
    assert numbers_in("EUR 60M+ and EUR 100M/year") == {60e6, 100e6}
    assert numbers_in("four new centres, twelve missions") == {4, 12}
    assert numbers_in("no one, often, a quarter-million") == set()


# --- walking a document -------------------------------------------------------------------------------


def leaves(node, path=""):
    """Every (field path, value) of a document below the given path, lists and groups opened up."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from leaves(value, f"{path}[{position}]")
    else:
        yield path, node


def document_fields(document: dict):
    """The filled fields of a canvas: (path, value), without the schema, citations and waivers."""
    for path, value in leaves({k: v for k, v in document.items() if k not in ("schema", "citations", "waivers")}):
        if value is None or value == "":
            continue
        yield path, value


def _last_name(path: str) -> str:
    return re.sub(r"\[\d+\]$", "", path).rsplit(".", 1)[-1]


def _is_link(path: str) -> bool:
    parts = re.sub(r"\[\d+\]", "", path).split(".")
    return len(parts) >= 2 and (parts[0], parts[-1]) in LINK_LISTS


def text_fields(document: dict):
    """(path, text) of every filled text field a reader reads, and every citation note."""
    for path, value in document_fields(document):
        if isinstance(value, str) and _last_name(path) not in NOT_TEXT and not _is_link(path):
            yield path, value
    for cited, entries in document.get("citations", {}).items():
        for entry in entries:
            if entry.get("note"):
                yield f"citation note of {cited}", entry["note"]


def ancestors(path: str) -> list[str]:
    """The path itself and every path that contains it: metrics[0].target.year, metrics[0].target, ..."""
    found = [path]
    while True:
        shorter = re.sub(r"(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])$", "", path)
        if shorter == path or not shorter:
            return found
        found.append(shorter)
        path = shorter


def citations_for(document: dict, path: str) -> list[dict]:
    citations = document.get("citations", {})
    return [entry for cited in ancestors(path) for entry in citations.get(cited, [])]


def source_text(citation: dict) -> str:
    """The text a citation points at: the seed passage its timestamp closes, or the outside fact."""
    if citation.get("outside"):
        return OUTSIDE_FACTS.get(citation["source"], "")
    return passages(citation["source"]).get(citation.get("at", ""), "")


def source_numbers(citations: list[dict]) -> set[float]:
    found: set[float] = set()
    for citation in citations:
        found |= numbers_in(source_text(citation), unscaled_too=True)
    return found


# --- the tests ----------------------------------------------------------------------------------------


def test_every_example_and_source_is_in_the_repository():
    assert sorted(p.stem for p in SEEDS.glob("*.json")) == sorted(EXAMPLES)
    assert [p.name for p in seed_files()] == [
        "000_f67c9f7830c09c20.txt",
        "001_71443529b753c4b8.txt",
        "002_bd17411101b10947.txt",
        "003_17419dbce8396f43.txt",
        "004_592c2f7421135400.txt",
    ]


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_is_a_valid_normalized_document(name):
    text = (SEEDS / f"{name}.json").read_text(encoding="utf-8")
    document = load(name)
    assert validate(document) == []
    assert normalize(document) == document
    assert dumps(document) == text


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_citation_points_at_a_source_that_exists(name):
    seed_names = {p.name for p in seed_files()}
    for path, entries in load(name)["citations"].items():
        assert entries, f"{path}: a citation needs at least one source"
        for entry in entries:
            where = f"{name} {path} {entry}"
            if entry.get("outside"):
                assert entry["outside"] is True, where
                assert entry["source"] not in seed_names, where
                assert entry["source"] in OUTSIDE_FACTS, f"{where}: not one of the published facts of SPEC §4"
                assert "at" not in entry, f"{where}: an outside fact has no timestamp"
                assert entry.get("note"), f"{where}: an outside fact needs a note saying what it is"
            else:
                assert entry["source"] in seed_names, f"{where}: no such seed file"
                assert entry.get("at") in timestamps(entry["source"]), f"{where}: no such timestamp in the file"


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_filled_field_is_cited(name):
    document = load(name)
    uncited = [path for path, _ in document_fields(document) if not citations_for(document, path)]
    assert uncited == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_number_occurs_in_a_cited_source(name):
    document = load(name)
    problems = []
    for path, value in document_fields(document):
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        citations = citations_for(document, path)
        if not citations:
            problems.append(f"{path}: the number {value} is not cited")
            continue
        derived = DERIVED_NUMBERS.get((name, path))
        if derived is not None:
            total, start, added, _reason = derived
            known = source_numbers(citations)
            if not (value == total == start + added and start in known and added in known):
                problems.append(f"{path}: {value} is not {start} + {added} from the cited sources")
        elif abs(value) not in source_numbers(citations):
            problems.append(f"{path}: {value} occurs in none of its cited sources")
    for path, text in text_fields(document):
        if path.startswith("citation note of "):
            cited = path.removeprefix("citation note of ")
            known = source_numbers(document["citations"][cited])
            known |= {
                float(total)
                for (example, derived_path), (total, *_rest) in DERIVED_NUMBERS.items()
                if example == name and cited in ancestors(derived_path)
            }
        else:
            known = source_numbers(citations_for(document, path))
        for number in numbers_in(text):
            if number not in known:
                problems.append(f"{path}: {number:g} occurs in none of its cited sources")
    assert problems == []


def test_derived_numbers_are_used_where_they_are_listed():
    for (name, path), (total, *_rest) in DERIVED_NUMBERS.items():
        value = dict(document_fields(load(name))).get(path)
        assert value == total, f"{name} {path}"


def _count_cited_fields(document: dict) -> int:
    return len(document["citations"])


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_is_substantial_where_the_documents_allow(name):
    document = load(name)
    assert _count_cited_fields(document) >= MINIMUM_CITED_FIELDS
    for section, minimum in MINIMUM_COUNTS.items():
        count = len(document[section])
        if (name, section) in MINIMUM_EXCEPTIONS:
            assert count < minimum, f"{name} {section}: the exception is no longer needed"
        else:
            assert count >= minimum, f"{name} {section}: {count} < {minimum}"


def test_every_exception_is_explained_in_the_readme():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    for (name, section), reason in MINIMUM_EXCEPTIONS.items():
        assert reason
        assert name in readme and section.replace("_", " ") in readme


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _runs(words: list[str], length: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


@cache
def seed_runs() -> frozenset:
    runs: set[tuple[str, ...]] = set()
    for path in seed_files():
        runs |= _runs(_words(clean(seed_body(path.name))), COPY_RUN)
    return frozenset(runs)


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_sentence_is_copied_from_the_seeds(name):
    copied = [
        f"{path}: {' '.join(run)}"
        for path, text in text_fields(load(name))
        for run in _runs(_words(text), COPY_RUN) & seed_runs()
    ]
    assert copied == []


def test_passages_are_the_text_each_timestamp_closes():
    passage = passages("000_f67c9f7830c09c20.txt")["01:39:24"]
    assert "from 40% to 36%" in passage and "Improving the lives" not in passage
    # Two timestamps in a row close the same passage.
    both = passages("003_17419dbce8396f43.txt")
    assert "11 concentrations" in both["01:17:30"] and both["01:17:30"] == both["01:17:33"]
