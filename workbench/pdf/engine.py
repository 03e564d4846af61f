"""WeasyPrint in a render process of its own, with a hard time limit and a memory limit on every render.

Renders run in the task worker (`manage.py worker`, see workbench/pdf/tasks.py), never in a web request. Even
there a render gets a process of its own: a WeasyPrint layout is CPU-bound Python and C (Pango) that cannot
be interrupted from inside, and a runaway one must not take the worker down with it. The render process is
started once per worker with "spawn", loads WeasyPrint and the fonts, then caps its own address space
(RLIMIT_AS) at what it uses warm plus `memory_mb`, so fonts stay warm between renders while a render that
asks for more fails on its own. The worker waits at most `timeout` seconds for each answer; past that it
kills the render process and starts a fresh one for the next task.

This module imports nothing from Django: the render process only ever runs `render_html`.
"""

from __future__ import annotations

import atexit
import functools
import gc
import multiprocessing
import os
import resource
import signal
import time
from dataclasses import dataclass, field

from workbench.pdf.fetcher import StaticOnlyFetcher

# Tagged PDF with PDF/UA-1 identification: structure tags, document language and title.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
# A one-pager that runs to more pages than this in the roomy layout cannot fit one page in a tighter one: each
# layout tried costs a whole layout of a long canvas, and the largest canvas must print within the timeout.
SKIP_TIGHTER_AFTER = 2
# Whether a layout fits one page is settled before WeasyPrint balances the columns, and balancing costs a layout per
# step: a probe fills the columns in turn instead, and only the layout that fits is laid out again, balanced.
PROBE_STYLESHEET = ".boxes { column-fill: auto; }"


class RenderError(RuntimeError):
    """A render failed; the message is safe to show to a user."""


class RenderTimeout(RenderError):
    """A render ran past its time limit and was stopped."""


class RenderOutOfMemory(RenderError):
    """A render asked for more memory than a render may use and was stopped."""


@dataclass
class RenderOutput:
    """What one render produced, and what it asked the fetcher for."""

    pdf: bytes
    pages: int
    requested_urls: list[str] = field(default_factory=list)
    refused_urls: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # processor time of the render process (what the render costs on a busy machine too)
    variant: int = 0  # which of the variants was printed (the last when it continues on more pages)
    layouts: int = 1  # how many layouts were made on the way (each costs a whole layout of the canvas)


@functools.cache
def _font_config():
    """One font configuration per process: Pango keeps the fonts it has loaded and matched from one render to the next.
    Set up with it, once: columns that fill in turn are laid out once, not twice (workbench/pdf/columns.py)."""
    from weasyprint.text.fonts import FontConfiguration

    from workbench.pdf import columns

    columns.install()
    return FontConfiguration()


def render_html(
    variants: list[str],
    *,
    base_url: str,
    asset_dir: str,
    static_url: str,
    continued_stylesheet: str,
    continued_only: bool = False,
    probe: bool = False,
) -> RenderOutput:
    """Lay out the first HTML variant that fits one page and write the PDF, in this process.

    `variants` are the same one-pager in ever tighter layouts. When even the last runs past the
    first page, it is laid out once more with `continued_stylesheet` (a URL the fetcher serves),
    which marks page 1 "continues on page 2": CSS alone cannot know on page 1 that a page 2 exists.
    With `continued_only` (a canvas far too large for one page) only the last, continued, is laid out.
    With `probe`, each variant but the last is first tried with PROBE_STYLESHEET, which answers "one page?"
    for a fraction of the cost when the answer is no.
    """
    from weasyprint import CSS, HTML

    started, cpu_started = time.perf_counter(), time.process_time()
    options = {**PDF_OPTIONS, "font_config": _font_config()}
    fetcher = StaticOnlyFetcher(asset_dir, static_url=static_url)
    document = None
    layouts = 0
    for variant, html in enumerate(variants):
        layouts += 1
        if continued_only or (document is not None and len(document.pages) > SKIP_TIGHTER_AFTER):
            # Far past one page in the roomy layout: no tighter one fits, so straight to the last, continued.
            variant = len(variants) - 1
            source = HTML(string=variants[-1], base_url=base_url, url_fetcher=fetcher)
            continued = CSS(url=continued_stylesheet, url_fetcher=fetcher)
            document = source.render(stylesheets=[continued], **options)
            break
        source = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        if probe and variant < len(variants) - 1:
            document = source.render(stylesheets=[CSS(string=PROBE_STYLESHEET)], **options)
            if len(document.pages) > 1:
                continue
            layouts += 1
        document = source.render(**options)
        if len(document.pages) == 1:
            break
    else:
        layouts += 1
        continued = CSS(url=continued_stylesheet, url_fetcher=fetcher)
        document = source.render(stylesheets=[continued], **options)
    pdf = document.write_pdf(**PDF_OPTIONS)
    return RenderOutput(
        pdf=pdf,
        pages=len(document.pages),
        requested_urls=list(fetcher.requested),
        refused_urls=[url for url in fetcher.requested if url not in fetcher.served],
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
        variant=variant,
        layouts=layouts,
    )


def _warm_up() -> None:
    """Load WeasyPrint, Pango and fontconfig once per render process, before the first real render."""
    from weasyprint import HTML

    HTML(string="<p>warm</p>").write_pdf(font_config=_font_config())


def _address_space(field: str = "VmSize") -> int:
    """Bytes of address space this process uses now (Linux: VmSize in /proc/self/status), or at most (VmPeak)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    raise OSError(f"no {field} in /proc/self/status")


# How close to its memory limit a render process must have come for a failure inside C code to count as the limit.
NEAR_LIMIT = 64 * 1024 * 1024


def _serve(connection, memory_mb: int) -> None:
    """The render process: warm up, cap its memory, then render each job the worker sends until it hangs up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the worker, which stops this process
    _warm_up()
    gc.freeze()  # WeasyPrint, Pango and the fonts stay loaded: the collector need not go through them every render
    limit = _address_space() + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    connection.send(("ready", os.getpid()))
    while True:
        try:
            variants, kwargs = connection.recv()
        except EOFError:
            return
        try:
            connection.send(("ok", render_html(variants, **kwargs)))
        except MemoryError:
            connection.send(("memory", ""))
        except Exception as error:
            # A library running out of memory inside C code may raise SystemError instead of MemoryError: when the
            # process came close to its limit, the limit is what stopped the render.
            near_limit = isinstance(error, SystemError) and _address_space("VmPeak") > limit - NEAR_LIMIT
            connection.send(("memory", "") if near_limit else ("error", f"{type(error).__name__}: {error}"))


class Renderer:
    """The render process of one worker: renders one job at a time within a time and a memory limit."""

    def __init__(self, *, memory_mb: int = 1024, start_timeout: float = 60, max_renders: int = 200):
        self.memory_mb = memory_mb
        self.start_timeout = start_timeout
        self.max_renders = max_renders
        self._process = None
        self._connection = None
        self._renders = 0
        atexit.register(self.close)

    @property
    def pid(self) -> int | None:
        """The render process's id while one runs (tests kill it)."""
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child, self.memory_mb), name="one-pager renderer", daemon=True)
        process.start()
        child.close()
        if not parent.poll(self.start_timeout):
            process.kill()
            raise RenderError(f"the PDF renderer did not start within {self.start_timeout:g} seconds")
        try:
            parent.recv()
        except EOFError:
            process.join(1)
            raise RenderError(f"the PDF renderer could not start (exit code {process.exitcode})") from None
        self._process, self._connection, self._renders = process, parent, 0

    def close(self) -> None:
        """Stop the render process (the next render starts a fresh one)."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if connection is not None:
            connection.close()
        if process is not None:
            process.kill()
            process.join(5)

    def render(self, variants: list[str], *, timeout: float, **kwargs) -> RenderOutput:
        """Render in the render process; RenderTimeout or RenderOutOfMemory when a limit is reached first."""
        if self._process is None or not self._process.is_alive() or self._renders >= self.max_renders:
            self.close()
            self._start()
        self._renders += 1
        try:
            self._connection.send((variants, kwargs))
            answered = self._connection.poll(timeout)
            reply = self._connection.recv() if answered else None
        except (EOFError, OSError):
            reply = None
            answered = True
        if not answered:
            self.close()
            raise RenderTimeout(
                f"the PDF took longer than {timeout:g} seconds to lay out and was stopped; "
                "a canvas this long may need trimming"
            )
        if reply is None:  # the render process died mid-render: most often the kernel refusing it memory
            process = self._process
            process.join(5)
            code = process.exitcode
            self.close()
            cause = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
            raise RenderOutOfMemory(
                f"the PDF renderer stopped during the layout ({cause}), most likely past its "
                f"{self.memory_mb} MB memory limit"
            )
        kind, value = reply
        if kind == "ok":
            return value
        if kind == "memory":
            self.close()  # a process that ran out of memory may be left half-broken: start afresh
            raise RenderOutOfMemory(
                f"the PDF needed more than the {self.memory_mb} MB of memory a render may use and was stopped"
            )
        raise RenderError(f"the PDF could not be rendered ({value})")
