"""The only way WeasyPrint may load anything: files of the app's own print assets, nothing else.

WeasyPrint asks its URL fetcher for every stylesheet, image, font, SVG reference and
`<link rel="attachment">` it meets. User text is escaped before it reaches the HTML, but the
fetcher is the second wall: even markup that slipped through could not read /etc/passwd,
reach the network (http, https, ftp) or smuggle content in through data: URLs.

No Django here: the fetcher runs in the render worker process.
"""

from __future__ import annotations

import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class FetchRefused(ValueError):
    """Raised for every URL outside the allowed directory; WeasyPrint then leaves the resource out."""


class StaticOnlyFetcher(URLFetcher):
    """Serves files below `root` (file:// URLs or `static_url` paths) and refuses everything else.

    Every URL asked for is recorded in `requested`, whether it was served or refused, so that a
    test (or a log line) can show what a render tried to load.
    """

    def __init__(self, root: str | Path, *, static_url: str = "/static/pdf/", max_bytes: int = 5 * 1024 * 1024):
        # No protocols, no redirects: the urllib machinery of the parent class is never used,
        # because fetch() below never calls it. fail_on_errors=False lets a refused resource be
        # skipped (and recorded) instead of failing the whole render.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.root = Path(root).resolve()
        self.static_url = static_url if static_url.endswith("/") else static_url + "/"
        self.max_bytes = max_bytes
        self.requested: list[str] = []
        self.served: list[str] = []
        self._lock = threading.Lock()

    def fetch(self, url, headers=None):
        with self._lock:
            self.requested.append(url)
        path = self._allowed_path(url)
        with path.open("rb") as file:
            body = file.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise FetchRefused(f"{url} is larger than {self.max_bytes} bytes")
        with self._lock:
            self.served.append(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type == "text/css":
            content_type += "; charset=utf-8"
        return URLFetcherResponse(path.as_uri(), body, headers={"Content-Type": content_type})

    def _allowed_path(self, url: str) -> Path:
        """The file a URL names, if it lies inside the root; raises FetchRefused otherwise."""
        try:
            parts = urlsplit(url)
        except ValueError:
            raise FetchRefused(f"malformed URL refused: {url[:200]}") from None
        scheme = parts.scheme.lower()
        if scheme == "file" and parts.netloc in ("", "localhost"):
            raw_path = unquote(parts.path)
        elif scheme == "" and parts.path.startswith(self.static_url):
            raw_path = str(self.root / unquote(parts.path[len(self.static_url) :]))
        else:
            raise FetchRefused(f"only the app's print assets may be loaded, refused: {url[:200]}")
        if "\x00" in raw_path:
            raise FetchRefused("a path with a NUL byte refused")
        # resolve() follows symlinks, so a link inside the root that points outside is refused too.
        path = Path(raw_path).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise FetchRefused(f"not a file of the app's print assets, refused: {url[:200]}")
        return path
