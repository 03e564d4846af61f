"""The worked examples started as a team's canvases, each with the measurements the documents support
(seeds/measurements/<slug>.json)."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from workbench.examples.models import Example
from workbench.examples.services import load_examples, seeds_dir, start_from_example
from workbench.progress import transfer


def measurements_file(slug: str, directory: Path | None = None) -> Path:
    return (directory or seeds_dir()) / "measurements" / f"{slug}.json"


@transaction.atomic
def start_examples(*, team, user) -> list:
    """Every worked example as a canvas of the team (those it has already, by title, are left as they are)."""
    if not Example.objects.exists():
        load_examples()
    have = set(team.canvases.live().values_list("title", flat=True))
    started = []
    for example in Example.objects.all():
        if example.title in have:
            continue
        canvas = start_from_example(example=example, team=team, user=user)
        path = measurements_file(example.slug)
        if path.is_file():
            part = json.loads(path.read_text(encoding="utf-8"))
            problems = transfer.problems(part, canvas.document)
            if problems:
                raise ValueError(f"{path.name}: {problems[0]}")
            transfer.restore_part(canvas, part, user)
        started.append(canvas)
    return started
