"""Rendered PDFs on disk: each one is rendered once, then read back for every later download.

Files live under settings.PDF_CACHE_DIR (default BASE_DIR/var/pdf-cache). Several app servers share
the cache when that directory is on shared storage (an NFS or EFS mount, a Kubernetes
ReadWriteMany volume): a file is written under a temporary name and moved into place with an
atomic rename, so a reader sees a whole PDF or none, and two servers rendering the same key at
the same moment both write the same bytes. Within one process a lock per key makes concurrent
requests for the same PDF wait for one render instead of starting their own.

A key (workbench/caching.py, `pdf_key`) names the release (every code and template file), what the PDF
shows (canvas and revision, or example and its file's content hash), the layout, a hash of the document
and of the footer facts, and the print assets (stylesheets, WeasyPrint version): a new release, a new
revision, a renamed team or a changed print stylesheet each make a new PDF. Old files are never read
again and can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings

from workbench import caching
from workbench.pdf.render import CONTINUED_STYLESHEET, STYLESHEET, asset_dir

_counter_lock = threading.Lock()
_renders = 0
_key_locks: dict[str, threading.Lock] = {}
_key_locks_lock = threading.Lock()


def cache_dir() -> Path:
    """Where rendered PDFs are kept."""
    return Path(getattr(settings, "PDF_CACHE_DIR", settings.BASE_DIR / "var" / "pdf-cache"))


@cache
def renderer_fingerprint() -> str:
    """A hash of what shapes the PDF besides the document and the release: the renderer and the stylesheets."""
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for name in (STYLESHEET, CONTINUED_STYLESHEET):
        digest.update((asset_dir() / name).read_bytes())
    return digest.hexdigest()[:16]


def content_hash(value) -> str:
    """A stable hash of a JSON-like value (a document, the footer facts)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def cache_key(*parts) -> str:
    """The file name stem for a PDF identified by `parts`."""
    return caching.pdf_key(renderer_fingerprint(), *parts)


def render_count() -> int:
    """How many PDFs this process has rendered (a cache hit does not count)."""
    return _renders


def _lock_for(key: str) -> threading.Lock:
    with _key_locks_lock:
        return _key_locks.setdefault(key, threading.Lock())


def cached_pdf(key: str, render: Callable[[], bytes]) -> bytes:
    """The PDF stored under `key`, rendered with `render()` and stored the first time it is asked for."""
    global _renders
    path = cache_dir() / key[:2] / f"{key}.pdf"
    if path.is_file():
        return path.read_bytes()
    with _lock_for(key):
        if path.is_file():
            return path.read_bytes()
        pdf = render()
        with _counter_lock:
            _renders += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rendering-", suffix=".pdf")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(pdf)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    with _key_locks_lock:
        _key_locks.pop(key, None)
    return pdf
