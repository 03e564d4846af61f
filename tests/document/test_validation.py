"""The canvas document's validation: the fast path and the full validator agree on every document."""

import copy
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.document import empty_document, normalize, validate
from workbench.document.validation import _fast_check, _validator

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.json"))
BASES = [json.loads(p.read_text(encoding="utf-8")) for p in SEEDS] + [empty_document("A canvas")]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _set(document, path, value):
    node = document
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(BASES) - 1), st.integers(0, 10**6), json_values)
def test_the_fast_check_never_accepts_what_the_full_validator_refuses(base_index, pick, value):
    document = copy.deepcopy(BASES[base_index])
    paths = [p for p in _paths(document) if p]
    _set(document, paths[pick % len(paths)], value)
    full_ok = _validator().is_valid(document)
    try:
        _fast_check()(document)
        fast_ok = True
    except Exception:
        fast_ok = False
    assert not fast_ok or full_ok
    assert (validate(document) == []) <= full_ok


def test_every_worked_example_validates_and_is_normalized():
    for document in BASES:
        assert validate(document) == []
        assert normalize(document) == document


def test_a_whole_number_written_as_a_float_is_still_a_year():
    document = empty_document("A canvas")
    document["deadline_year"] = 2030.0
    assert validate(document) == []
