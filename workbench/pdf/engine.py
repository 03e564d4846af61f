"""WeasyPrint in a worker process, with a hard time limit on every render.

Why a process and not a thread or an alarm: a WeasyPrint layout is CPU-bound Python and C (Pango)
that cannot be interrupted from another thread, and `signal.alarm` only works in the main thread of
a process, which a threaded WSGI server (gunicorn --threads, mod_wsgi, runserver) never gives a
request. A separate process can always be killed. Workers come from a small `multiprocessing` pool
started with "spawn" (forking a threaded server is unsafe), so fonts and the layout machinery stay
warm between renders; a render that runs past its limit gets the whole pool terminated and a fresh
one started for the next request. Renders of other threads that were running in the killed pool are
submitted again to the new pool within their own time limit.

This module imports nothing from Django: the worker processes only ever run `render_html`.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
import time
from dataclasses import dataclass, field

from workbench.pdf.fetcher import StaticOnlyFetcher

# Tagged PDF with PDF/UA-1 identification: structure tags, document language and title.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
# A one-pager that runs to more pages than this in the roomy layout cannot fit one page in a tighter one: each
# layout tried costs a whole layout of a long canvas, and the largest canvas must print within the timeout.
SKIP_TIGHTER_AFTER = 2


class RenderError(RuntimeError):
    """A render failed; the message is safe to show to a user."""


class RenderTimeout(RenderError):
    """A render ran past its time limit and was stopped."""


@dataclass
class RenderOutput:
    """What one render produced, and what it asked the fetcher for."""

    pdf: bytes
    pages: int
    requested_urls: list[str] = field(default_factory=list)
    refused_urls: list[str] = field(default_factory=list)
    seconds: float = 0.0


def render_html(
    variants: list[str],
    *,
    base_url: str,
    asset_dir: str,
    static_url: str,
    continued_stylesheet: str,
    continued_only: bool = False,
) -> RenderOutput:
    """Lay out the first HTML variant that fits one page and write the PDF, in this process.

    `variants` are the same one-pager in ever tighter layouts. When even the last runs past the
    first page, it is laid out once more with `continued_stylesheet` (a URL the fetcher serves),
    which marks page 1 "continues on page 2": CSS alone cannot know on page 1 that a page 2 exists.
    With `continued_only` (a canvas far too large for one page) only the last, continued, is laid out.
    """
    from weasyprint import CSS, HTML

    started = time.perf_counter()
    fetcher = StaticOnlyFetcher(asset_dir, static_url=static_url)
    document = None
    for html in variants:
        if continued_only or (document is not None and len(document.pages) > SKIP_TIGHTER_AFTER):
            # Far past one page in the roomy layout: no tighter one fits, so straight to the last, continued.
            source = HTML(string=variants[-1], base_url=base_url, url_fetcher=fetcher)
            continued = CSS(url=continued_stylesheet, url_fetcher=fetcher)
            document = source.render(stylesheets=[continued], **PDF_OPTIONS)
            break
        source = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        document = source.render(**PDF_OPTIONS)
        if len(document.pages) == 1:
            break
    else:
        continued = CSS(url=continued_stylesheet, url_fetcher=fetcher)
        document = source.render(stylesheets=[continued], **PDF_OPTIONS)
    pdf = document.write_pdf(**PDF_OPTIONS)
    return RenderOutput(
        pdf=pdf,
        pages=len(document.pages),
        requested_urls=list(fetcher.requested),
        refused_urls=[url for url in fetcher.requested if url not in fetcher.served],
        seconds=time.perf_counter() - started,
    )


def _warm_up() -> None:
    """Load WeasyPrint, Pango and fontconfig once per worker, before the first real render."""
    from weasyprint import HTML

    HTML(string="<p>warm</p>").write_pdf()


class RenderPool:
    """A pool of worker processes that render HTML to PDF within a time limit."""

    def __init__(self, *, workers: int = 2, max_tasks_per_worker: int = 200):
        self.workers = workers
        self.max_tasks_per_worker = max_tasks_per_worker
        self._lock = threading.Lock()
        self._pool = None
        atexit.register(self.close)

    def _current(self):
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = context.Pool(
                    processes=self.workers, initializer=_warm_up, maxtasksperchild=self.max_tasks_per_worker
                )
            return self._pool

    def _discard(self, pool) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.terminate()

    def close(self) -> None:
        """Stop the worker processes (a new render starts fresh ones)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()

    def render(self, variants: list[str], *, timeout: float, **kwargs) -> RenderOutput:
        """Render in a worker; raises RenderTimeout when `timeout` seconds pass first."""
        deadline = time.monotonic() + timeout
        while True:
            pool = self._current()
            pending = pool.apply_async(render_html, (variants,), kwargs)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._discard(pool)
                    raise RenderTimeout(f"the PDF took longer than {timeout:g} seconds to lay out and was stopped")
                try:
                    return pending.get(timeout=min(remaining, 0.25))
                except multiprocessing.TimeoutError:
                    with self._lock:
                        pool_was_replaced = self._pool is not pool
                    if pool_was_replaced:
                        break  # another render's timeout killed this pool: submit again
                except Exception as error:
                    raise RenderError(f"the PDF could not be rendered ({type(error).__name__}: {error})") from error
