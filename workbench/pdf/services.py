"""The one-pagers the app serves: requested, rendered ahead by the task worker, kept in storage, pruned.

A one-pager is a canvas at one revision (or a worked example at one content of its seed file) in one layout,
under one digest of what shapes the print (templates, stylesheets, the checker that prints its verdict,
WeasyPrint's version). Its row (`OnePager`) says how far the render has got; its PDF goes through Django's
storage API (STORAGES["one_pagers"]), so every web machine and worker reads and writes one store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from workbench import caching
from workbench.checker import check, radar_svg
from workbench.document.validation import document_size
from workbench.pdf.engine import RenderError
from workbench.pdf.models import OnePager
from workbench.pdf.render import DEFAULT_LAYOUT, render_one_pager_output

logger = logging.getLogger(__name__)

EXAMPLE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
EXAMPLE_TEAM = "Mission Workbench worked example"
# Rendered ahead after every change; A3 too once someone has asked for the canvas in A3.
AHEAD_LAYOUT = DEFAULT_LAYOUT
Status = OnePager.Status


# ---------------------------------------------------------------------------------------------- what is printed


def checker_verdict(document: dict) -> dict:
    """The checker's level, readiness, rules switched off and radar chart of a document, as the one-pager prints them."""
    report = check(document)
    return {
        "level": report.level,
        "readiness": report.readiness,
        "switched_off": [{"rule": s.rule, "reason": s.reason} for s in report.switched_off],
        "radar_svg": radar_svg(report, size=160, title="Checker scores by criterion", id_prefix="pdf-"),
    }


def canvas_meta(canvas, revision=None) -> dict:
    """The facts the one-pager prints besides the document: team, revision, the checker's verdict. The revision is
    the current one unless another is named (the published one, for share links)."""
    revision = revision or canvas.current_revision
    return {
        "team": canvas.team.name,
        "revision": revision.number if revision else 0,
        "revision_date": revision.created_at if revision else canvas.updated_at,
        **checker_verdict(revision.document if revision else canvas.document),
    }


def example_meta(document: dict) -> dict:
    """Footer facts of a worked example: it belongs to no team and has no revisions."""
    return {"team": EXAMPLE_TEAM, "revision": 0, "revision_date": None, **checker_verdict(document)}


def canvas_filename(canvas, *, revision: int, layout: str) -> str:
    """A download name such as warm-homes-for-northfield-r7-a4.pdf (ASCII, no path characters)."""
    return f"{_file_stem(canvas.title)}-r{revision}-{layout}.pdf"


def example_filename(slug: str, *, layout: str) -> str:
    """A download name such as example-vision-zero-cancer-a4.pdf."""
    return f"example-{slug}-{layout}.pdf"


def _file_stem(title: str) -> str:
    return slugify(title)[:60].strip("-") or "mission"


def seeds_dir() -> Path:
    """Where the worked examples' canvas documents live."""
    return Path(getattr(settings, "PDF_SEEDS_DIR", settings.BASE_DIR / "seeds"))


def example_path(slug: str) -> Path | None:
    """The seed file of a worked example, or None when no example has that slug."""
    if not EXAMPLE_SLUG.match(slug):
        return None
    path = seeds_dir() / f"{slug}.json"
    return path if path.is_file() else None


# ---------------------------------------------------------------------------------------------- keys and storage


def _print_sources() -> list[Path]:
    """Every file that shapes a one-pager besides its document: print templates and stylesheets, the context
    builder, the checker whose verdict it prints."""
    root = settings.BASE_DIR
    found = [*(root / "templates" / "pdf").rglob("*.html"), *(root / "static" / "pdf").glob("*.css")]
    found += [root / "workbench" / "pdf" / "render.py", *(root / "workbench" / "checker").rglob("*.py")]
    found += (root / "workbench" / "checker").rglob("*.json")
    return sorted(path for path in found if path.is_file())


@cache
def template_digest() -> str:
    """A digest of what shapes the print: a changed template, stylesheet or checker rule makes new PDFs."""
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for path in _print_sources():
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def canvas_key(canvas, revision, layout: str) -> str:
    """The key of a canvas's one-pager at a revision: the team's name is printed, so it is in the key too."""
    return caching.pdf_key(template_digest(), "canvas", canvas.pk, revision.pk, layout, canvas.team.name)


def example_key(slug: str, document: dict, layout: str) -> str:
    return caching.pdf_key(template_digest(), "example", slug, caching.content_digest(document), layout)


def storage():
    """Where rendered PDFs are kept (STORAGES["one_pagers"]: a directory by default)."""
    return storages["one_pagers"]


def _file_name(one_pager: OnePager) -> str:
    subject = (
        f"canvas-{one_pager.canvas_id}/r{one_pager.revision.number}"
        if one_pager.canvas_id
        else (f"example-{one_pager.example_slug}")
    )
    return f"{one_pager.template_digest}/{subject}-{one_pager.layout}-{one_pager.key[:12]}.pdf"


def read(one_pager: OnePager | None) -> bytes | None:
    """The stored PDF of a ready one-pager; None when it is not ready or its file has gone from the store."""
    if one_pager is None or one_pager.status != Status.READY:
        return None
    try:
        with storage().open(one_pager.file_name, "rb") as file:
            return file.read()
    except FileNotFoundError:
        return None


# ---------------------------------------------------------------------------------------------- requests


def _enqueue(one_pager: OnePager) -> None:
    """Hand the render to the worker. A queue that cannot be reached fails the row, with the reason."""
    from workbench.pdf.tasks import render_one_pager

    try:
        result = render_one_pager.enqueue(one_pager.pk)
    except Exception as error:  # the queue's database or Redis is down: say so on the row, never lose the request
        logger.exception("Could not queue the one-pager %s", one_pager.pk)
        OnePager.objects.filter(pk=one_pager.pk, status=Status.QUEUED).update(
            status=Status.FAILED, error=f"the render could not be queued ({type(error).__name__}: {error})"
        )
        return
    OnePager.objects.filter(pk=one_pager.pk).update(task_id=str(result.id))


def _request(key: str, **fields) -> OnePager:
    """The one-pager under `key`, queued for the worker if it is new, failed or its file has gone."""
    one_pager, created = OnePager.objects.get_or_create(
        key=key, defaults={"template_digest": template_digest(), **fields}
    )
    if not created and one_pager.status == Status.READY and not storage().exists(one_pager.file_name):
        created = bool(OnePager.objects.filter(pk=one_pager.pk, status=Status.READY).update(status=Status.QUEUED))
    if created:
        _enqueue(one_pager)
        one_pager.refresh_from_db()
    return one_pager


def canvas_one_pager(canvas, layout: str, revision) -> OnePager | None:
    """The row of a canvas's one-pager at a revision (its current one, or the published one for share links), if
    it was ever requested (one query)."""
    if revision is None:
        return None
    return OnePager.objects.filter(key=canvas_key(canvas, revision, layout)).first()


def request_canvas(canvas, layout: str, revision=None) -> OnePager:
    """The one-pager of a canvas at a revision (its current one unless named: share links name the published
    one), queued if it has not been asked for before."""
    revision = revision or canvas.current_revision
    return _request(canvas_key(canvas, revision, layout), canvas=canvas, revision=revision, layout=layout)


def request_example(slug: str, document: dict, layout: str) -> OnePager:
    """The one-pager of a worked example, queued if it has not been asked for before."""
    return _request(example_key(slug, document, layout), example_slug=slug, layout=layout)


def retry(one_pager: OnePager) -> OnePager:
    """Queue a failed render once more (a person asked for it again)."""
    if OnePager.objects.filter(pk=one_pager.pk, status=Status.FAILED).update(
        status=Status.QUEUED, error="", attempts=0, requested_at=timezone.now()
    ):
        _enqueue(one_pager)
    one_pager.refresh_from_db()
    return one_pager


def render_ahead(canvas_id: int) -> None:
    """Queue the one-pager of a canvas's current revision, coalesced: while a render of the canvas is still
    waiting for a worker, it is moved on to the new revision instead of queuing another."""
    from workbench.canvases.models import Canvas

    canvas = Canvas.objects.live().select_related("team", "current_revision").filter(pk=canvas_id).first()
    if canvas is None or canvas.current_revision is None:
        return
    layouts = [
        AHEAD_LAYOUT,
        *OnePager.objects.filter(canvas=canvas)
        .exclude(layout=AHEAD_LAYOUT)
        .values_list("layout", flat=True)
        .distinct(),
    ]
    revision = canvas.current_revision
    for layout in layouts:
        key = canvas_key(canvas, revision, layout)
        if OnePager.objects.filter(key=key).exists():
            continue
        try:
            with transaction.atomic():
                moved = OnePager.objects.filter(
                    canvas=canvas, layout=layout, status=Status.QUEUED, template_digest=template_digest()
                ).update(key=key, revision=revision, requested_at=timezone.now())
        except IntegrityError:  # another request queued this very key a moment ago
            continue
        if not moved:
            _request(key, canvas=canvas, revision=revision, layout=layout)


def render_ahead_on_commit(canvas) -> None:
    """After the transaction that made a new current revision (or published one) commits, queue its one-pager."""
    if not getattr(settings, "PDF_RENDER_AHEAD", True):
        return
    canvas_id = canvas.pk
    transaction.on_commit(lambda: render_ahead(canvas_id))


def render_examples(directory: Path | None = None) -> int:
    """Queue the A4 one-pager of every worked example in seeds/ (load_examples does); returns how many are not
    ready yet."""
    from workbench.document import DocumentInvalid, parse

    queued = 0
    for path in sorted((directory or seeds_dir()).glob("*.json")):
        if not EXAMPLE_SLUG.match(path.stem):
            continue
        try:
            document = parse(path.read_bytes())
        except DocumentInvalid:
            continue  # load_examples has already said which seed file is not a canvas document
        queued += request_example(path.stem, document, AHEAD_LAYOUT).status != Status.READY
    return queued


# ---------------------------------------------------------------------------------------------- the worker's side


def render(one_pager_id: int) -> str:
    """Render a queued one-pager and store its PDF (the render task). A render past a limit is recorded failed."""
    started = timezone.now()
    claimed = OnePager.objects.filter(pk=one_pager_id, status=Status.QUEUED).update(
        status=Status.RENDERING, started_at=started, finished_at=None, attempts=F("attempts") + 1
    )
    if not claimed:
        return "nothing to do: already rendered, rendering elsewhere or gone"
    one_pager = OnePager.objects.select_related("canvas__team", "revision").get(pk=one_pager_id)
    start_fit = 0
    if one_pager.canvas_id:
        document, meta = one_pager.revision.document, canvas_meta(one_pager.canvas, one_pager.revision)
        start_fit = _fit_of_last_revision(one_pager, document_size(document))
    else:
        from workbench.document import parse

        path = example_path(one_pager.example_slug)
        if path is None:
            OnePager.objects.filter(pk=one_pager.pk).delete()
            return "the worked example has gone"
        document = parse(path.read_bytes())
        meta = example_meta(document)
    try:
        output = render_one_pager_output(document, meta=meta, layout=one_pager.layout, start_fit=start_fit)
    except RenderError as error:
        OnePager.objects.filter(pk=one_pager.pk, status=Status.RENDERING).update(
            status=Status.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    name = _file_name(one_pager)
    store = storage()
    if store.exists(name):  # a render interrupted after writing, or a second worker: the same bytes
        store.delete(name)
    saved = store.save(name, ContentFile(output.pdf))
    OnePager.objects.filter(pk=one_pager.pk).update(
        status=Status.READY,
        file_name=saved,
        error="",
        finished_at=timezone.now(),
        render_seconds=output.seconds,
        pages=output.pages,
        size=len(output.pdf),
        fit=output.variant,
        document_size=document_size(document),
    )
    return f"{output.pages} page(s), {output.layouts} layout(s), {len(output.pdf):,} bytes in {output.seconds:.2f} s"


def _fit_of_last_revision(one_pager: OnePager, size: int) -> int:
    """The layout the canvas's latest earlier one-pager fitted in, when the canvas has not shrunk since (else 0:
    try the roomiest first). Trying layouts in turn was most of a fresh render's time (README, "Measuring")."""
    earlier = (
        OnePager.objects.filter(
            canvas_id=one_pager.canvas_id,
            layout=one_pager.layout,
            template_digest=one_pager.template_digest,
            status=Status.READY,
            revision__number__lt=one_pager.revision.number,
        )
        .exclude(fit=None)
        .order_by("-revision__number")
        .values_list("fit", "document_size")
        .first()
    )
    if earlier is None or earlier[1] is None or size < earlier[1]:
        return 0
    return earlier[0]


def stale_after() -> dt.timedelta:
    """A render still marked rendering after this long has lost its worker (the render itself is stopped sooner)."""
    return dt.timedelta(seconds=settings.PDF_RENDER_STALE_AFTER)


def recover_interrupted(*, now: dt.datetime | None = None) -> dict:
    """Renders whose worker died mid-render (killed, out of memory, machine lost): queued again, or recorded
    failed after PDF_RENDER_ATTEMPTS tries. Nothing is silently dropped."""
    now = now or timezone.now()
    counts = {"retried": 0, "failed": 0}
    for one_pager in OnePager.objects.filter(status=Status.RENDERING, started_at__lt=now - stale_after()):
        still_there = OnePager.objects.filter(pk=one_pager.pk, status=Status.RENDERING, started_at=one_pager.started_at)
        _fail_lost_task(one_pager.task_id)
        if one_pager.attempts >= settings.PDF_RENDER_ATTEMPTS:
            counts["failed"] += still_there.update(
                status=Status.FAILED,
                finished_at=now,
                error=f"the render was interrupted {one_pager.attempts} times (its worker stopped before finishing)",
            )
        elif still_there.update(status=Status.QUEUED, requested_at=now):
            counts["retried"] += 1
            _enqueue(one_pager)
    return counts


def _fail_lost_task(task_id: str) -> None:
    """Mark the database queue's entry of a lost render failed too, so the queue's own record tells the truth."""
    from django.apps import apps

    if not task_id or not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(status="FAILED", finished_at=timezone.now())


def prune(*, now: dt.datetime | None = None) -> dict:
    """Delete the PDFs no one can download any more: revisions that are neither current, published nor approved,
    renders under an old template digest, and examples whose seed file changed or went. Returns counts."""
    from workbench.canvases.models import Canvas

    now = now or timezone.now()
    digest = template_digest()
    # The revisions someone can still download: each live canvas's current, approved and published one.
    pointers = Canvas.objects.live().values_list("current_revision_id", "approved_revision_id", "published_revision_id")
    kept = {revision_id for row in pointers for revision_id in row if revision_id is not None}
    example_keys = set()
    for path in seeds_dir().glob("*.json"):
        from workbench.document import DocumentInvalid, parse

        try:
            document = parse(path.read_bytes())
        except DocumentInvalid:
            continue
        example_keys |= {example_key(path.stem, document, layout) for layout in ("a4", "a3")}
    doomed = []
    finished = OnePager.objects.exclude(status__in=(Status.QUEUED, Status.RENDERING))
    # What the decision needs, not the revisions' documents.
    for one_pager in finished.only("pk", "key", "template_digest", "canvas_id", "revision_id", "file_name"):
        if one_pager.template_digest != digest:
            doomed.append(one_pager)
        elif one_pager.canvas_id:
            if one_pager.revision_id not in kept:
                doomed.append(one_pager)
        elif one_pager.key not in example_keys:
            doomed.append(one_pager)
    store = storage()
    files = 0
    for one_pager in doomed:
        if one_pager.file_name and store.exists(one_pager.file_name):
            store.delete(one_pager.file_name)
            files += 1
    OnePager.objects.filter(pk__in=[one_pager.pk for one_pager in doomed]).delete()
    files += _sweep_orphans(store, before=now - ORPHAN_AGE)
    return {"one_pagers": len(doomed), "files": files, **recover_interrupted(now=now)}


# A stored file no row names (its canvas was purged, its row deleted) is deleted once it is this old: younger
# ones may belong to a render that is saving its row right now.
ORPHAN_AGE = dt.timedelta(hours=1)


def _sweep_orphans(store, *, before: dt.datetime, directory: str = "") -> int:
    """Delete the stored PDFs that no one-pager names any more (through the storage API, so any backend)."""
    try:
        directories, files = store.listdir(directory)
    except FileNotFoundError:
        return 0
    deleted = 0
    names = [f"{directory}/{name}" if directory else name for name in files if name.endswith(".pdf")]
    known = set(OnePager.objects.filter(file_name__in=names).values_list("file_name", flat=True))
    for name in names:
        if name not in known and store.get_modified_time(name) < before:
            store.delete(name)
            deleted += 1
    for child in directories:
        deleted += _sweep_orphans(store, before=before, directory=f"{directory}/{child}" if directory else child)
    return deleted
