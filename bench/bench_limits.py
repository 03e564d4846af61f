"""The largest canvas the limits allow (workbench/document/spec.py): import it, open it in the editor, save it and
print its PDF, timed through the pages in production settings.

    .venv/bin/python bench/bench_limits.py [--runs 5]

The canvas is tests/largest.py's: every list at ITEMS_MAX items, every link ticked, every list of lines full and
long text spread until the document is DOCUMENT_MAX_BYTES as compact JSON. A throwaway SQLite database in a
temporary directory holds it. Each run saves a new revision, so the editor page and the PDF are made afresh (nothing
comes from the caches). The PDF is rendered by the pool the site uses, whose first render also starts a worker:
that run is reported apart. Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_TMP = tempfile.mkdtemp(prefix="bench-limits-")
os.environ["DATABASE_URL"] = f"sqlite:///{_TMP}/bench.sqlite3"
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.pop("DEBUG", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "workbench.settings"


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from tests.canvases.test_editing import editor_post
    from tests.factories import make_team, make_user
    from tests.largest import largest_document
    from workbench.canvases.forms import largest_field_count
    from workbench.canvases.models import Canvas
    from workbench.document import dumps
    from workbench.document.spec import DOCUMENT_MAX_BYTES, ITEMS_MAX
    from workbench.document.validation import document_size

    # Static files by name, as in development: no collectstatic manifest is needed for a timing.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    owner = make_user("bench-owner")
    team = make_team("Bench council", owner=owner)
    client = Client()
    client.force_login(owner)
    document = largest_document()
    text = dumps(document).encode("utf-8")
    print(
        f"Largest canvas: {ITEMS_MAX} items in each list, {document_size(document) / 1024:.0f} KB as compact JSON "
        f"(limit {DOCUMENT_MAX_BYTES // 1024} KB), {len(text) / 1024:.0f} KB as an exported file"
    )

    imports, opens, saves, pdfs, first_pdf = [], [], [], [], None
    canvas = None
    for _ in range(args.runs):
        started = time.perf_counter()
        response = client.post(
            reverse("canvases:import", kwargs={"slug": team.slug}),
            {"file": SimpleUploadedFile("largest.json", text, content_type="application/json")},
        )
        imports.append(time.perf_counter() - started)
        assert response.status_code == 302, response.status_code
        canvas = canvas or Canvas.objects.order_by("pk").first()
    edit_url = reverse("canvases:edit", kwargs={"pk": canvas.pk})
    pdf_url = reverse("pdf:canvas", kwargs={"pk": canvas.pk})
    for run in range(args.runs + 1):
        canvas.refresh_from_db()
        started = time.perf_counter()
        response = client.get(edit_url)
        opens.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        page_size = len(response.content)
        data = editor_post(canvas.document, canvas.revision_number, statement=f"Saved in run {run}.")
        fields = sum(len(value) if isinstance(value, list) else 1 for value in data.values())
        started = time.perf_counter()
        response = client.post(edit_url, data)
        saves.append(time.perf_counter() - started)
        assert response.status_code == 302, (response.status_code, response.content[:2000])
        started = time.perf_counter()
        response = client.get(pdf_url)
        took = time.perf_counter() - started
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf", response.status_code
        if first_pdf is None:
            first_pdf = took
        else:
            pdfs.append(took)
    revision = Canvas.objects.get(pk=canvas.pk).current_revision
    print(
        f"Editor page {page_size / 1024:.0f} KB; a save posts {fields:,} fields (the most: {largest_field_count():,},"
    )
    print(f"  allowed: {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,}); saved as revision {revision.number}")
    print(f"{'import (POST the file)':34}{_ms(imports)}   median of {len(imports)}")
    print(f"{'open the editor (GET)':34}{_ms(opens)}   median of {len(opens)}")
    print(f"{'save from the editor (POST)':34}{_ms(saves)}   median of {len(saves)}")
    print(f"{'print the PDF (GET, fresh revision)':34}{_ms(pdfs)}   median of {len(pdfs)}")
    print(f"{'first PDF (starts the render pool)':34}{first_pdf * 1000:8.0f} ms")
    print(f"PDF timeout: {getattr(settings, 'PDF_RENDER_TIMEOUT', 30)} s; {json.dumps({'tmp': _TMP})}")


if __name__ == "__main__":
    main()
