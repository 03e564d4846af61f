"""The worked examples carry the values the documents give, with citations; where they give none, the page says so."""

import json
import re

import pytest
from django.core.management import call_command

from workbench.examples.services import read_seed, seeds_dir
from workbench.progress import transfer
from workbench.progress.models import Measurement

SLUGS = sorted(path.stem for path in seeds_dir().glob("*.json"))
TIMESTAMP = re.compile(r"(\d{3}_[0-9a-f]{16}\.txt) @(\d{2}:\d{2}:\d{2})")


@pytest.mark.parametrize("slug", SLUGS)
def test_every_example_has_a_file_that_fits_its_metrics_and_cites_real_passages(slug):
    part = json.loads((seeds_dir() / "measurements" / f"{slug}.json").read_text())
    assert transfer.problems(part, read_seed(seeds_dir() / f"{slug}.json")) == []
    assert part["settings"]["note"]
    for value in part["values"]:
        cited = TIMESTAMP.findall(value["source"])
        assert cited, value
        for name, at in cited:
            text = (seeds_dir() / "sources" / name).read_text()
            assert f'data-t="{at}"' in text
            # The figure stands in the passage cited.
            assert f"{value['value']:g}%" in text.split(f'data-t="{at}"')[0].rsplit("\n", 1)[-1]


def test_the_examples_start_with_their_values_and_say_where_none_are_given(client_for, people):
    call_command("start_examples", "--team", people["team"].slug)
    assert people["team"].canvases.count() == 5 + 0  # the fixture's team had no canvas
    germany = people["team"].canvases.get(title__icontains="Decade")
    (value,) = Measurement.objects.filter(canvas=germany)
    assert (value.metric, value.year, value.value) == ("metric-1", 2019, 40)
    page = client_for("viewer").get(f"/canvases/{germany.pk}/progress/").content.decode()
    assert "2019: 40" in page  # drawn in its chart
    camden = people["team"].canvases.get(title__icontains="Camden")
    page = client_for("viewer").get(f"/canvases/{camden.pk}/progress/").content.decode()
    assert "The workshop documents give no values over time for these metrics" in page
    # Running it again starts nothing twice.
    call_command("start_examples", "--team", people["team"].slug)
    assert people["team"].canvases.count() == 5
