"""Which release is running: the package version and a digest of every code, data and template file.

The settings work it out once at start-up and put it in front of every cache key (`CACHES` `KEY_PREFIX`) and
every rendered PDF's file name (workbench/caching.py): a release that changes any of these files reads
nothing an earlier one kept, even from a Redis or a PDF directory that app servers share. Plain Python, so
that the settings can import it before Django is set up.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

# The files a release is made of: the app's code and data, and every template.
RELEASE_FILES = (
    "workbench/**/*.py",
    "workbench/**/*.tsv",
    "workbench/**/*.toml",
    "workbench/**/*.json",
    "templates/**/*",
)


def package_version() -> str:
    try:
        return metadata.version("mission-workbench")
    except metadata.PackageNotFoundError:  # a checkout that was never installed
        return "0"


def release_key(root: Path, version: str | None = None) -> str:
    """The version and a digest of the release's files under `root`: a changed, added, removed or renamed file
    gives another key."""
    version = version or package_version()
    digest = hashlib.sha256(version.encode())
    files = sorted({path for pattern in RELEASE_FILES for path in root.glob(pattern) if path.is_file()})
    for path in files:
        content = path.read_bytes()
        digest.update(f"\0{path.relative_to(root).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return f"{version}-{digest.hexdigest()[:16]}"
