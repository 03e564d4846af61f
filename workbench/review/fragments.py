"""Parts of pages that look the same until what they show changes: rendered once, kept in the shared cache
under a key made of what they show, and handed out with the viewer's own CSRF token put in.

A busy canvas is read far more often than it is commented on, so its threads are rendered once per change
instead of on every visit. Their key names the canvas revision, the state of its comments (see
`selectors.review_stamp`), the viewer and their rights, so a change to any of them renders afresh. The lines
of the activity feed, the timeline and the dashboard's table are each kept under a key made of everything
the line shows.
"""

from __future__ import annotations

import functools
import hashlib

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

# Stands where the CSRF token goes while a fragment is rendered for the cache: a real token is 64 letters and
# digits, never this. Each response gets a freshly masked token of the viewer's own secret in its place.
CSRF_SLOT = "csrf-slot-for-the-viewers-token"

# A person's changed name shows in cached threads within this time; any change to a comment shows at once.
FRAGMENT_SECONDS = 3600


# The templates a kept fragment is made of: a release that changes any of them renders every fragment afresh,
# even where app servers share one cache.
FRAGMENT_TEMPLATES = [
    "review/partials/comments_panel.html",
    "review/partials/comment_listing.html",
    "review/partials/thread.html",
    "review/partials/comment.html",
    "review/partials/pagination.html",
    "review/partials/entry.html",
    "teams/_canvas_row.html",
]


@functools.cache
def templates_digest() -> str:
    sources = (get_template(name).template.source for name in FRAGMENT_TEMPLATES)
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()[:16]


def fragment_key(kind: str, *parts) -> str:
    """A cache key for a fragment showing `parts`, rendered from today's templates in the active language and
    time zone (its dates are shown in that zone)."""
    context = (templates_digest(), translation.get_language(), timezone.get_current_timezone_name())
    digest = hashlib.sha256(":".join(str(part) for part in (*context, *parts)).encode()).hexdigest()
    return f"review:{kind}:{digest}"


def cached_fragment(request, key: str, template: str, context) -> SafeString:
    """The rendered template from the cache, or rendered now and kept; `context` is called only on a miss.

    The template renders without the request's context processors: it gets the viewer as `user` and the slot
    as `csrf_token`, and everything else from `context()`."""
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, {**context(), "user": request.user, "csrf_token": CSRF_SLOT})
        cache.set(key, html, FRAGMENT_SECONDS)
    # The fragment was rendered from our own templates with autoescaping on; only the token goes in.
    return mark_safe(html.replace(CSRF_SLOT, get_token(request)))


def kept_lines(kind: str, template: str, items, fingerprint, context) -> SafeString:
    """The lines of a list, each kept under a key made of everything it shows (`fingerprint(item)`), so a line
    renders once and stays right whatever changes: anything it shows that changed makes a new key. One read
    of the cache for the whole list; `context(item)` is called only for the lines not kept yet."""
    keys = [fragment_key(kind, *fingerprint(item)) for item in items]
    found = cache.get_many(keys)
    rendered = {
        key: render_to_string(template, context(item))
        for key, item in zip(keys, items, strict=True)
        if key not in found
    }
    if rendered:
        cache.set_many(rendered, FRAGMENT_SECONDS)
    return mark_safe("".join(found.get(key) or rendered[key] for key in keys))


def entries_html(entries, *, show_canvas: bool) -> SafeString:
    """The lines of a feed: a renamed canvas or person, or a comment's text removed, is a new key."""
    return kept_lines(
        "entry",
        "review/partials/entry.html",
        entries,
        lambda entry: (show_canvas, *entry.fingerprint()),
        lambda entry: {"e": entry, "show_canvas": show_canvas},
    )
