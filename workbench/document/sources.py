"""The workshop documents the canvases and the checker cite, as a person reads them: a title and a moment in the
recording, not a file's hash name.

Each seed file in seeds/sources/ opens with a front matter block ("title:", "videoId:"); a citation names the file
and a timestamp ("000_f67c9f7830c09c20.txt", "02:19:13"). Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds" / "sources"
SEED_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
_TIMESTAMP = re.compile(r"^(\d{1,2}):(\d{2}):(\d{2})$")
RECORDING_URL = "https://www.youtube.com/watch"
UNKNOWN_TITLE = "A workshop document"  # a seed file name that is not in seeds/sources/


@dataclass(frozen=True)
class SeedDocument:
    """One workshop document: its file, the title its front matter gives, and the recording it summarises."""

    file: str
    title: str
    video_id: str = ""


def _front_matter(text: str) -> dict[str, str]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    found = {}
    for line in lines[1:]:
        if line.strip() == "---":
            break
        key, sep, value = line.partition(":")
        if sep:
            found[key.strip()] = value.strip()
    return found


@cache
def seed_documents(directory: Path = SEED_DIR) -> dict[str, SeedDocument]:
    """Every seed file by its name, with the title and video id of its front matter."""
    found = {}
    for path in sorted(directory.glob("*.txt")):
        meta = _front_matter(path.read_text(encoding="utf-8")[:2000])
        found[path.name] = SeedDocument(path.name, meta.get("title") or UNKNOWN_TITLE, meta.get("videoId", ""))
    return found


def seconds(at: str) -> int | None:
    """ "02:19:13" → 8353; None for anything that is not a timestamp."""
    match = _TIMESTAMP.match(at.strip()) if isinstance(at, str) else None
    if not match:
        return None
    hours, minutes, secs = (int(part) for part in match.groups())
    return hours * 3600 + minutes * 60 + secs


@dataclass(frozen=True)
class Citation:
    """A source as a page shows it: its title, the moment, and where to watch it ("" when unknown)."""

    title: str
    at: str
    url: str
    seed: bool  # a workshop document (else an address or a name given as is)

    def __str__(self) -> str:
        return f"{self.title}, {self.at}" if self.at else self.title


def cite(source: str, at: str = "") -> Citation:
    """A cited source as a person reads it: a seed file becomes its title and a link to the recording at that
    moment; any other source (an address, a publication) stays as it is."""
    source = source if isinstance(source, str) else ""
    at = at if isinstance(at, str) else ""
    name = SEED_NAME.search(source)
    if not name:
        return Citation(source, at, "", False)
    document = seed_documents().get(name.group(0))
    if document is None:
        return Citation(UNKNOWN_TITLE, at, "", True)
    url = ""
    moment = seconds(at)
    if document.video_id:
        query = {"v": document.video_id, **({"t": f"{moment}s"} if moment is not None else {})}
        url = f"{RECORDING_URL}?{urlencode(query)}"
    return Citation(document.title, at, url, True)


def readable(text: str) -> str:
    """Text with every seed file name in it replaced by that document's title."""
    if not isinstance(text, str):
        return ""
    return SEED_NAME.sub(lambda match: cite(match.group(0)).title, text)
