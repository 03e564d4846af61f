"""python manage.py load_examples: the seed files become the gallery's examples, and running it again changes nothing."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from workbench.examples.models import Example

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SPEC_ORDER = [
    "vision-zero-cancer",
    "genomics-health-futures",
    "national-decade-against-cancer",
    "health-holland",
    "camden-food",
]


def load(**options) -> str:
    out = io.StringIO()
    call_command("load_examples", stdout=out, **options)
    return out.getvalue()


def rows():
    return list(Example.objects.order_by("slug").values("id", "slug", "title", "position", "content_hash", "loaded_at"))


@pytest.fixture
def seeds(tmp_path, settings):
    """A copy of seeds/ the test may edit, set as the directory the command reads."""
    directory = tmp_path / "seeds"
    directory.mkdir()
    for path in SEEDS.glob("*.json"):
        shutil.copy(path, directory / path.name)
    shutil.copy(SEEDS / "README.md", directory / "README.md")
    settings.EXAMPLES_SEEDS_DIR = directory
    return directory


def test_loads_the_five_examples_in_the_order_the_seeds_readme_lists_them(db):
    output = load()

    assert list(Example.objects.values_list("slug", flat=True)) == SPEC_ORDER
    assert "5 created, 0 updated, 0 unchanged, 0 removed" in output
    vision_zero = Example.objects.get(slug="vision-zero-cancer")
    assert vision_zero.title == "Vision Zero Cancer"
    assert vision_zero.source_file == "vision-zero-cancer.json"
    assert vision_zero.document["statement"].startswith("By the end of 2030")
    assert len(vision_zero.content_hash) == 64


def test_each_example_has_at_least_fifteen_cited_fields(db):
    load()

    for example in Example.objects.all():
        assert len(example.document["citations"]) >= 15, example.slug


def test_loading_twice_leaves_the_same_rows(db):
    load()
    before = rows()

    output = load()

    assert rows() == before
    assert "0 created, 0 updated, 5 unchanged, 0 removed" in output


def test_an_edited_seed_file_updates_its_example_and_nothing_else(seeds, db):
    load()
    before = {row["slug"]: row for row in rows()}
    path = seeds / "camden-food.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["statement"] = "By 2030, everyone in Camden eats well every day."
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    output = load()

    after = {row["slug"]: row for row in rows()}
    assert "0 created, 1 updated, 4 unchanged, 0 removed" in output
    assert (
        Example.objects.get(slug="camden-food").document["statement"]
        == "By 2030, everyone in Camden eats well every day."
    )
    assert after["camden-food"]["id"] == before["camden-food"]["id"]
    assert after["camden-food"]["content_hash"] != before["camden-food"]["content_hash"]
    assert after["camden-food"]["loaded_at"] > before["camden-food"]["loaded_at"]
    for slug in SPEC_ORDER[:-1]:
        assert after[slug] == before[slug]


def test_a_new_seed_file_is_added_and_a_removed_one_leaves_the_gallery(seeds, db):
    load()
    shutil.copy(seeds / "camden-food.json", seeds / "camden-food-copy.json")
    (seeds / "health-holland.json").unlink()

    output = load()

    slugs = list(Example.objects.values_list("slug", flat=True))
    assert "health-holland" not in slugs
    assert slugs[-1] == "camden-food-copy"  # not in the README: after the listed ones
    assert Example.objects.get(slug="camden-food").position == 4  # moved up into the gap
    assert "1 created, 1 updated, 3 unchanged, 1 removed" in output


def test_a_bad_seed_file_names_the_file_and_the_field_and_changes_nothing(seeds, db):
    load()
    before = rows()
    path = seeds / "genomics-health-futures.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["metrics"][1]["target"]["year"] = "soon"
    document["statement"] = "Edited, but the file is invalid"
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        load()

    assert "genomics-health-futures.json" in str(error.value)
    assert "metrics[1].target.year" in str(error.value)
    assert rows() == before


def test_a_seed_file_that_is_not_json_names_the_file(seeds, db):
    (seeds / "broken.json").write_text("{ not json", encoding="utf-8")

    with pytest.raises(CommandError, match=r"broken\.json: not valid JSON"):
        load()

    assert not Example.objects.exists()


def test_a_missing_seeds_directory_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="No directory of seed files"):
        load(seeds=tmp_path / "nowhere")
