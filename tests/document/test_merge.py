"""The three-way merge: what two people changed from the same revision, field by field and item by item.

Every rule is checked both ways round: the side that made a change must not matter.
"""

import copy

import pytest

from tests.factories import full_document
from workbench.document import normalize, validate
from workbench.document.compare import word_diff
from workbench.document.merge import MINE, THEIRS, merge, value_at


@pytest.fixture
def base():
    return normalize(full_document(items=3))


def both_ways(base, first, second, **kwargs):
    """The merge with first as mine and second as theirs, and the other way round."""
    return merge(base, first, second, **kwargs), merge(base, second, first, **kwargs)


def edited(document, change):
    out = copy.deepcopy(document)
    change(out)
    return out


def titles(document, section="root_causes"):
    return [item.get("title") or item.get("name") for item in document[section]]


def test_unchanged_versions_merge_to_the_same_document(base):
    result = merge(base, base, base)
    assert result.document == base and result.conflicts == [] and result.taken == []


def test_different_fields_of_one_section_both_survive(base):
    place = edited(base, lambda d: d.update(place="Camden"))
    population = edited(base, lambda d: d.update(population="Every child"))
    for result in both_ways(base, place, population):
        assert result.conflicts == []
        assert (result.document["place"], result.document["population"]) == ("Camden", "Every child")
        assert validate(result.document) == []
    mine, _ = both_ways(base, place, population)
    assert [(c.side, c.label) for c in mine.taken] == [(MINE, "Place or scope"), (THEIRS, "Population it concerns")]


def test_group_sub_fields_merge_on_their_own(base):
    amount = edited(base, lambda d: d["budget"].update(amount=2_000_000))
    period = edited(base, lambda d: d["budget"].update(period="2025–2031"))
    why = edited(base, lambda d: d["story"].update(why_now="Prices doubled."))
    for result in (*both_ways(base, amount, period), *both_ways(base, why, period)):
        assert result.conflicts == []
    result = merge(base, amount, period)
    assert result.document["budget"] == {"amount": 2_000_000, "currency": "GBP", "period": "2025–2031"}
    assert merge(base, why, amount).document["story"]["why_now"] == "Prices doubled."


def test_a_field_both_changed_differently_is_the_only_conflict(base):
    mine = edited(base, lambda d: d.update(statement="By 2030 no child is hungry.", place="Camden"))
    theirs = edited(base, lambda d: d.update(statement="By 2030 every child eats well.", population="All"))
    for result, me, them in zip(both_ways(base, mine, theirs), (mine, theirs), (theirs, mine), strict=True):
        assert [c.key for c in result.conflicts] == ["identity/statement"]
        conflict = result.conflicts[0]
        assert (conflict.mine_text, conflict.theirs_text) == (me["statement"], them["statement"])
        assert conflict.label == "Mission statement" and conflict.base_text == base["statement"]
        assert result.document["place"] == "Camden" and result.document["population"] == "All"


def test_both_changing_a_field_to_the_same_value_is_no_conflict(base):
    same = edited(base, lambda d: d.update(statement="Same words."))
    result = merge(base, same, copy.deepcopy(same))
    assert result.conflicts == [] and result.document["statement"] == "Same words."


def test_a_choice_settles_a_conflict_and_only_that_one(base):
    mine = edited(base, lambda d: d.update(statement="Mine.", near_term="My plan."))
    theirs = edited(base, lambda d: d.update(statement="Theirs.", near_term="Their plan."))
    result = merge(base, mine, theirs, choices={"identity/statement": MINE})
    assert result.document["statement"] == "Mine."
    assert [c.key for c in result.conflicts] == ["horizons/near_term"]
    result = merge(base, mine, theirs, choices={"identity/statement": THEIRS, "horizons/near_term": MINE})
    assert result.conflicts == [] and result.chosen == {"identity/statement": THEIRS, "horizons/near_term": MINE}
    assert (result.document["statement"], result.document["near_term"]) == ("Theirs.", "My plan.")
    # An answer that is neither side leaves the conflict open.
    assert len(merge(base, mine, theirs, choices={"identity/statement": "both"}).conflicts) == 2


def test_items_added_on_either_side_are_kept_where_they_were_added(base):
    first = edited(base, lambda d: d["root_causes"].insert(1, {"id": "rc-4", "title": "Mine after 1"}))
    second = edited(base, lambda d: d["root_causes"].append({"id": "rc-9", "title": "Theirs at the end"}))
    for result in both_ways(base, first, second):
        assert result.conflicts == []
        assert titles(result.document) == [
            "Root cause 1",
            "Mine after 1",
            "Root cause 2",
            "Root cause 3",
            "Theirs at the end",
        ]


def test_two_new_items_with_the_same_id_are_both_kept(base):
    # Both editors number their new root cause from the same revision: rc-4 twice.
    first = edited(base, lambda d: d["root_causes"].append({"id": "rc-4", "title": "Cost of food"}))
    first["opportunity_areas"][0]["root_causes"].append("rc-4")
    second = edited(base, lambda d: d["root_causes"].append({"id": "rc-4", "title": "Few shops"}))
    result = merge(base, first, second)
    assert result.conflicts == []
    assert titles(result.document)[3:] == ["Few shops", "Cost of food"]
    ids = [item["id"] for item in result.document["root_causes"]]
    assert len(set(ids)) == 5 and validate(result.document) == []
    renamed = ids[4]
    # The link the first editor made to their new cause follows it to its new id.
    assert result.document["opportunity_areas"][0]["root_causes"] == ["rc-1", renamed]


def test_an_item_removed_on_one_side_and_untouched_on_the_other_is_removed(base):
    removed = edited(base, lambda d: d["root_causes"].pop(1))
    other = edited(base, lambda d: d.update(place="Camden"))
    for result in both_ways(base, removed, other):
        assert result.conflicts == []
        assert titles(result.document) == ["Root cause 1", "Root cause 3"]
        # The link to it goes too.
        assert result.document["opportunity_areas"][1]["root_causes"] == []
        assert validate(result.document) == []


def test_an_item_edited_on_each_side_takes_both_edits_field_by_field(base):
    title = edited(base, lambda d: d["root_causes"][0].update(title="Food costs too much"))
    figure = edited(base, lambda d: d["root_causes"][0]["evidence"].update(figure="1 in 3"))
    for result in both_ways(base, title, figure):
        assert result.conflicts == []
        item = result.document["root_causes"][0]
        assert (item["title"], item["evidence"]["figure"], item["evidence"]["source"]) == (
            "Food costs too much",
            "1 in 3",
            "Survey",
        )


def test_the_same_item_field_changed_by_both_is_a_conflict_named_by_the_item(base):
    first = edited(base, lambda d: d["metrics"][0]["target"].update(year=2031))
    second = edited(base, lambda d: d["metrics"][0]["target"].update(year=2035))
    for result in both_ways(base, first, second):
        assert [c.key for c in result.conflicts] == ["metrics/metric-1/target.year"]
        assert result.conflicts[0].label == "Metric “Metric 1”: Target year"
        assert {result.conflicts[0].mine_text, result.conflicts[0].theirs_text} == {"2031", "2035"}


def test_an_item_removed_by_one_and_edited_by_the_other_is_a_conflict(base):
    removed = edited(base, lambda d: d["root_causes"].pop(0))
    changed = edited(base, lambda d: d["root_causes"][0].update(description="Wages are low"))
    mine_removed, theirs_removed = both_ways(base, removed, changed)
    for result, remover in ((mine_removed, MINE), (theirs_removed, THEIRS)):
        assert [(c.key, c.kind, c.removed_by) for c in result.conflicts] == [("root_causes/rc-1", "removed", remover)]
    # Keeping the edit brings the edited item back, in its place; choosing the removal drops it.
    for result in (mine_removed, theirs_removed):
        side_that_edited = THEIRS if result is mine_removed else MINE
        kept = merge(
            base,
            *((removed, changed) if result is mine_removed else (changed, removed)),
            choices={"root_causes/rc-1": side_that_edited},
        )
        assert (
            titles(kept.document)[0] == "Root cause 1"
            and kept.document["root_causes"][0]["description"] == "Wages are low"
        )
        dropped = merge(
            base,
            *((removed, changed) if result is mine_removed else (changed, removed)),
            choices={"root_causes/rc-1": THEIRS if side_that_edited == MINE else MINE},
        )
        assert titles(dropped.document) == ["Root cause 2", "Root cause 3"]


def test_a_new_order_on_one_side_is_kept_with_the_other_sides_edits(base):
    reordered = edited(base, lambda d: d["root_causes"].reverse())
    renamed = edited(base, lambda d: d["root_causes"][0].update(title="First, renamed"))
    renamed["root_causes"].append({"id": "rc-7", "title": "Added last"})
    for result in both_ways(base, reordered, renamed):
        assert result.conflicts == []
        assert titles(result.document) == ["Root cause 3", "Root cause 2", "First, renamed", "Added last"]
    assert any(c.kind == "reordered" and c.side == MINE for c in merge(base, reordered, renamed).taken)


def test_links_added_on_each_side_are_all_kept(base):
    first = edited(base, lambda d: d["opportunity_areas"][0]["root_causes"].append("rc-2"))
    second = edited(base, lambda d: d["opportunity_areas"][0]["root_causes"].append("rc-3"))
    for result in both_ways(base, first, second):
        assert result.conflicts == []
        assert set(result.document["opportunity_areas"][0]["root_causes"]) == {"rc-1", "rc-2", "rc-3"}


def test_citations_follow_their_item_and_waivers_stay_as_stored(base):
    base["citations"]["root_causes[2].title"] = [{"source": "Survey 2024"}]
    base["waivers"] = [{"rule": "x", "reason": "r", "by": "owner", "on": "2026-01-01"}]
    first = edited(base, lambda d: d["root_causes"].pop(0))
    first["citations"] = {
        "statement": base["citations"]["statement"],
        "root_causes[1].title": [{"source": "Survey 2024"}],
    }
    first["waivers"] = []
    second = edited(base, lambda d: d["citations"].update({"place": [{"source": "Census"}]}))
    result = merge(base, first, second)
    assert result.document["citations"] == {
        "statement": base["citations"]["statement"],
        "root_causes[1].title": [{"source": "Survey 2024"}],
        "place": [{"source": "Census"}],
    }
    assert result.document["waivers"] == base["waivers"]


def test_value_at_reads_a_changes_place(base):
    assert value_at(base, "identity", None, ("budget", "currency")) == "GBP"
    assert value_at(base, "story", None, ("why_now",)) == base["story"]["why_now"]
    assert value_at(base, "root_causes", "rc-2", ("evidence", "figure")) == "2 in 4"
    assert value_at(base, "root_causes", None, ()) == ["rc-1", "rc-2", "rc-3"]
    assert value_at(base, "root_causes", "rc-9", ("title",)) is None


def test_word_differences_mark_inserted_and_deleted_words():
    assert word_diff("Every child eats well", "Every child in Camden eats") == [
        ("equal", "Every child "),
        ("insert", "in Camden "),
        ("equal", "eats"),
        ("delete", "well"),
    ]
    assert word_diff("", "New") == [("insert", "New")]


def test_an_id_given_to_a_new_item_after_its_removal_names_a_different_item(base):
    # They removed root cause 3 and later added a new one, numbered rc-3 again; I had edited the old rc-3.
    theirs = edited(base, lambda d: d["root_causes"].pop())
    theirs["root_causes"].append({"id": "rc-3", "title": "A new cause"})
    mine = edited(base, lambda d: d["root_causes"][2].update(description="Old cause, edited"))
    result = merge(base, mine, theirs, reborn=frozenset({"rc-3"}))
    assert [(c.kind, c.removed_by) for c in result.conflicts] == [("removed", THEIRS)]
    kept = merge(base, mine, theirs, reborn=frozenset({"rc-3"}), choices={result.conflicts[0].key: MINE})
    assert titles(kept.document) == ["Root cause 1", "Root cause 2", "A new cause", "Root cause 3"]
    assert validate(kept.document) == []


def test_a_section_added_to_the_spec_merges_item_by_item():
    from tests.document.test_add_a_section import SPEC

    base = normalize(
        {**full_document(), "risks": [{"id": "risk-1", "title": "Prices rise", "description": ""}]}, spec=SPEC
    )
    described = edited(base, lambda d: d["risks"][0].update(description="Food inflation"))
    added = edited(base, lambda d: d["risks"].append({"id": "risk-2", "title": "Grant ends", "description": ""}))
    result = merge(base, described, added, spec=SPEC)
    assert result.conflicts == []
    assert [(r["title"], r["description"]) for r in result.document["risks"]] == [
        ("Prices rise", "Food inflation"),
        ("Grant ends", ""),
    ]
