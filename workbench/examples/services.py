"""Loading the worked examples from seeds/ and starting a team's canvas from one."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from workbench.canvases.models import Canvas
from workbench.canvases.services import create_canvas, mark_waivers_imported
from workbench.document import DocumentInvalid, dumps, normalize, parse
from workbench.examples.models import Example

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
README_FILE = re.compile(r"`([a-z0-9][a-z0-9-]*)\.json`")


class SeedInvalid(Exception):
    """A seed file that is not a valid canvas document; the message names the file and the field path."""

    def __init__(self, file_name: str, errors: list):
        self.file_name = file_name
        self.errors = errors
        details = "; ".join(str(error) for error in errors)
        super().__init__(f"{file_name}: {details}")


@dataclass
class LoadResult:
    """What load_examples did, slug by slug."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def seeds_dir() -> Path:
    """Where the worked examples' canvas documents live (settings.EXAMPLES_SEEDS_DIR, else seeds/)."""
    return Path(getattr(settings, "EXAMPLES_SEEDS_DIR", settings.BASE_DIR / "seeds"))


def read_seed(path: Path) -> dict:
    """One seed file as a normalized canvas document; raises SeedInvalid naming the file and field."""
    if not SLUG.match(path.stem):
        raise SeedInvalid(path.name, ["the file name must be a slug: lower-case letters, digits and hyphens"])
    try:
        return normalize(parse(path.read_bytes()))
    except DocumentInvalid as invalid:
        raise SeedInvalid(path.name, invalid.errors) from None


def _readme_order(directory: Path) -> list[str]:
    """The slugs in the order the seeds README lists their files; the gallery shows them in that order."""
    readme = directory / "README.md"
    if not readme.is_file():
        return []
    order: list[str] = []
    for slug in README_FILE.findall(readme.read_text(encoding="utf-8")):
        if slug not in order:
            order.append(slug)
    return order


def content_hash(document: dict) -> str:
    """A fingerprint of a document's canonical text: equal documents, equal hashes."""
    return hashlib.sha256(dumps(document).encode("utf-8")).hexdigest()


@transaction.atomic
def load_examples(*, directory: Path | None = None) -> LoadResult:
    """Create or update one Example per seed file, by slug; remove examples whose file is gone.

    Every file is read and validated before anything is written, so one bad file changes nothing.
    """
    directory = directory or seeds_dir()
    documents = {path.stem: (path, read_seed(path)) for path in sorted(directory.glob("*.json"))}
    listed = _readme_order(directory)
    ordered = [slug for slug in listed if slug in documents] + sorted(set(documents) - set(listed))

    result = LoadResult()
    existing = {example.slug: example for example in Example.objects.select_for_update()}
    now = timezone.now()
    for position, slug in enumerate(ordered, start=1):
        path, document = documents[slug]
        fields = {
            "title": document["title"][:200] or slug,
            "position": position,
            "source_file": path.name,
            "content_hash": content_hash(document),
            "document": document,
        }
        example = existing.get(slug)
        if example is None:
            Example.objects.create(slug=slug, loaded_at=now, **fields)
            result.created.append(slug)
        elif any(getattr(example, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(example, name, value)
            example.loaded_at = now
            example.save()
            result.updated.append(slug)
        else:
            result.unchanged.append(slug)
    gone = sorted(set(existing) - set(documents))
    if gone:
        Example.objects.filter(slug__in=gone).delete()
        result.removed.extend(gone)
    return result


def start_summary(example: Example) -> str:
    """The first revision's summary of a canvas started from an example: it says where it came from."""
    return f"Started from the worked example “{example.title}”"


def start_from_example(*, example: Example, team, user) -> Canvas:
    """A new draft canvas in the team, a copy of the example; the example itself is not touched.

    The caller has checked that the user may add canvases to the team. Waivers in the example come
    with it, marked as imported by the person who started the canvas.
    """
    document = mark_waivers_imported(example.document, user=user)
    return create_canvas(team=team, user=user, document=document, summary=start_summary(example))
