"""One cache rule: every key the pages and the PDFs are kept under is made here, from what the kept thing shows.

Django puts the release (workbench/release.py: the version and a digest of every code, data and template
file) in front of each key (PDF keys start with the digest of the print templates instead), so nothing kept
outlives the code that made it, even where app servers share a Redis. Within a release a key names what the kept part shows and, where
it differs between people, their rights or the viewer; the active language and time zone are in every key.

A kept page part is rendered with a placeholder for the CSRF token, and each response gets the viewer's own
token in its place: no one is ever handed another person's token.

What is kept, and the figure that keeps it: README, "Shared cache" (bench/bench_pages.py; the portfolio:
bench_pages.py --portfolio). A cache goes when the
page stays within 3× a bare page and runs no more queries without it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

# Stands where the CSRF token goes while a part is rendered to be kept: a real token is 64 letters and digits,
# never this.
CSRF_SLOT = "csrf-slot-for-the-viewers-token"

# A revision never changes: what shows only the revision is kept for a week (or until the release changes).
REVISION_SECONDS = 7 * 24 * 3600
# The review's threads show people's names, which are not in their key: a changed name shows within an hour.
REVIEW_SECONDS = 3600


def release() -> str:
    """This release, as the settings worked it out at start-up."""
    return settings.RELEASE


def _key(kind: str, *parts) -> str:
    shown_in = (translation.get_language(), timezone.get_current_timezone_name())
    digest = hashlib.sha256(repr((*shown_in, *parts)).encode()).hexdigest()[:32]
    return f"{kind}:{digest}"


# ---------------------------------------------------------------------------------------------- keys


def revision_key(canvas) -> str:
    """A canvas at its current revision: no other canvas or revision shares it, even where the database reuses
    deleted ids."""
    revision = canvas.current_revision
    stamp = revision.created_at.timestamp() if revision else 0
    return f"canvas:{canvas.pk}:{canvas.revision_number}:{stamp}"


def example_key(example) -> str:
    """A worked example as its seed file holds it now."""
    return f"example:{example.slug}:{example.content_hash}"


def checker_report_key(subject: str) -> str:
    """The checker's report on a canvas revision or an example (`revision_key`, `example_key`)."""
    return f"checker:{subject}"


def measured_checker_key(canvas, measured: dict, today, *, what: str = "report") -> str:
    """The checker on a canvas revision that also read the latest date of each metric's values, on a day
    (progress pages: "report"; the portfolio keeps only the level and readiness: "level")."""
    return _key(f"checker-measured-{what}", revision_key(canvas), sorted(measured.items()), today.isoformat())


def portfolio_key(team, stamp, today, query: str, *, can_confirm: bool) -> str:
    """A team's portfolio as filtered and sorted by the address (`query`): the state of its canvases, measurements,
    marks, settings and decisions (`stamp`, progress.selectors.portfolio_stamp), the day statuses are judged on,
    and whether the viewer may confirm shared names."""
    return _key("portfolio", team.pk, team.slug, stamp, today.isoformat(), query, can_confirm)


def canvas_page_key(canvas, *, can_waive: bool) -> str:
    """The canvas page's one-pager, scorecard and findings of the current revision; people who may switch rules
    off get a link beside each finding."""
    return _key("canvas-page", revision_key(canvas), can_waive)


def editor_key(canvas, *, can_waive: bool) -> str:
    """The editor of a canvas's current revision, nothing typed into it yet."""
    return _key("editor", revision_key(canvas), can_waive)


def comment_panel_key(canvas, review_stamp, user, *, can_comment: bool) -> str:
    """The threads beside the canvas: the revision (threads say what changed since), the state of its comments,
    the viewer (their own comments have edit links) and whether they may reply."""
    return _key("comment-panel", revision_key(canvas), str(review_stamp), user.pk, can_comment)


def editor_threads_key(canvas, review_stamp) -> str:
    """The open threads above the editor: the revision (threads name the items as it has them) and the state of
    its comments; the same for every viewer."""
    return _key("editor-threads", revision_key(canvas), str(review_stamp))


def comment_list_key(canvas, review_stamp, user, *, can_comment: bool, full_path: str) -> str:
    """A page of the comment list: as `comment_panel_key`, and the filters and page in the address."""
    return _key("comment-list", revision_key(canvas), str(review_stamp), user.pk, can_comment, full_path)


def import_form_key() -> str:
    """The dashboard's empty form for importing a canvas file: the same for everyone."""
    return _key("import-form")


def dashboard_row_key(canvas) -> str:
    """A canvas's row on the team dashboard (canvases/_canvas_row.html), under everything the row shows, its age in
    words included."""
    author = canvas.updated_by
    revision = canvas.current_revision
    return _key(
        "dashboard-row",
        canvas.pk,
        canvas.title,
        canvas.statement,
        canvas.status,
        canvas.updated_at.isoformat(),
        naturaltime(canvas.updated_at),
        (author.get_full_name() or author.username) if author else None,
        revision.number if revision else None,
    )


def feed_entry_key(entry, *, show_canvas: bool) -> str:
    """A line of the activity feed or a timeline (review/partials/entry.html), under everything it shows: a
    renamed canvas or person, or a comment's text removed, is a new key."""
    canvas = (entry.canvas.pk, entry.canvas.title) if entry.canvas else None
    return _key(
        "feed-entry",
        show_canvas,
        entry.kind,
        entry.at.isoformat(),
        entry.actor_name,
        canvas,
        entry.canvas_url,
        entry.text,
        entry.revision,
        entry.thread_id,
    )


def pdf_key(template_digest: str, *parts) -> str:
    """The key of a rendered one-pager: what it shows (`parts`) and the digest of what shapes the print.

    Not the release: a release that leaves the print templates, stylesheets and checker alone keeps every PDF
    rendered before it (workbench/pdf/services.py, `template_digest`)."""
    text = json.dumps([template_digest, *parts], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def content_digest(value) -> str:
    """A stable digest of a JSON-like value (a worked example's document)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------- keeping


def _with_token(request, html: str) -> SafeString:
    # Kept parts are rendered from our own templates with autoescaping on; only the viewer's token goes in.
    return mark_safe(html.replace(CSRF_SLOT, get_token(request)) if CSRF_SLOT in html else html)


def kept(key: str | None, compute: Callable[[], object], seconds: int = REVISION_SECONDS):
    """The value kept under `key`, or `compute()` kept now; with no key, `compute()` and nothing kept."""
    if key is None:
        return compute()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def kept_fragments(
    request, key: str | None, templates: dict[str, str], context: Callable[[], dict], seconds: int = REVISION_SECONDS
) -> dict[str, SafeString]:
    """Parts of a page, each rendered from its template in `templates` and kept together under `key` (one read
    of the cache); `context` is called only when they are not kept yet, and with no key they are rendered now.

    The templates render without the request's context processors: they get the viewer as `user`, the CSRF slot
    as `csrf_token`, and everything else from `context()`."""

    def render():
        shown = {**context(), "user": request.user, "csrf_token": CSRF_SLOT}
        return {name: render_to_string(template_name, shown) for name, template_name in templates.items()}

    return {name: _with_token(request, html) for name, html in kept(key, render, seconds).items()}


def kept_fragment(
    request, key: str | None, template_name: str, context: Callable[[], dict], seconds: int = REVISION_SECONDS
) -> SafeString:
    """One part of a page, as `kept_fragments`."""
    return kept_fragments(request, key, {"part": template_name}, context, seconds)["part"]


def kept_lines(template_name: str, items: Iterable, key: Callable, context: Callable) -> SafeString:
    """The lines of a list, each kept under `key(item)`, a key of everything it shows (`dashboard_row_key`,
    `feed_entry_key`): a line renders once, and anything it shows that changed makes a new key. One read of the
    cache for the whole list; `context(item)` is called only for the lines not kept yet. Lines hold no forms."""
    items = list(items)
    keys = [key(item) for item in items]
    found = cache.get_many(keys)
    rendered = {
        key: render_to_string(template_name, context(item))
        for key, item in zip(keys, items, strict=True)
        if key not in found
    }
    if rendered:
        cache.set_many(rendered, REVIEW_SECONDS)
    return mark_safe("".join(found.get(key) or rendered[key] for key in keys))
