"""PDF rendering with WeasyPrint: the only module that imports it.

Rendering runs in a child process with a hard time limit, and WeasyPrint may load only
the app's own static files: no file:// URLs, no network, whatever the plan's text says.

The child stays warm between PDFs (starting Python and importing WeasyPrint costs about
0.8 s), serves one PDF at a time, and is replaced when it overruns its time limit or has
rendered RECYCLE_AFTER plans, so its memory stays flat over a long session. It runs this
file by path, not as a module, so it never imports Flask or the app.
"""

import os
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_URL = "https://plan.invalid/"  # a name that never resolves; only the fetcher answers it
STATIC_PREFIX = "/static/"
RECYCLE_AFTER = 25
# Tagged for screen readers, with the document's language and title (PDF/UA-1). On a
# 94-page plan the structure tree costs about 8 % more time and 60 MB more peak memory.
PDF_VARIANT = "pdf/ua-1"
_HEADER = struct.Struct(">cQ")  # status byte ("+" ok, "!" error) and payload length


class PdfError(RuntimeError):
    """The PDF could not be made in time, or WeasyPrint failed."""


def static_file_for(url: str, static_folder: str) -> Path:
    """The static file a URL names, or ValueError: nothing else may be loaded."""
    root = Path(static_folder).resolve()
    parts = urlsplit(url)
    if (
        parts.scheme != "https"
        or parts.netloc != "plan.invalid"
        or not parts.path.startswith(STATIC_PREFIX)
    ):
        raise ValueError(f"blocked: {url[:80]}")
    path = (root / parts.path[len(STATIC_PREFIX) :]).resolve()
    if root not in path.parents or not path.is_file():
        raise ValueError(f"not a static file: {parts.path[:80]}")
    return path


def _mime(path: Path) -> str:
    return {
        ".css": "text/css",
        ".woff2": "font/woff2",
        ".svg": "image/svg+xml",
        ".png": "image/png",
    }.get(path.suffix, "application/octet-stream")


class Renderer:
    """A warm WeasyPrint child; thread- and greenlet-safe, one PDF at a time."""

    def __init__(self, static_folder: str):
        self.static_folder = static_folder
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._rendered = 0

    def render(self, html: str, timeout_seconds: float) -> bytes:
        with self._lock:
            process = self._ready()
            deadline = time.monotonic() + timeout_seconds
            try:
                payload = html.encode("utf-8")
                process.stdin.write(struct.pack(">Q", len(payload)) + payload)
                process.stdin.flush()
                status, length = _HEADER.unpack(self._read(_HEADER.size, deadline))
                body = self._read(length, deadline)
            except (OSError, ValueError, struct.error, PdfError) as error:
                self.close()
                if isinstance(error, PdfError):
                    raise
                raise PdfError(f"the renderer stopped: {error}") from error
            self._rendered += 1
            if self._rendered >= RECYCLE_AFTER:
                self.close()
        if status != b"+":
            raise PdfError(body.decode("utf-8", "replace")[-500:])
        return body

    def _ready(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), self.static_folder],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            self._rendered = 0
        return self._process

    def _read(self, size: int, deadline: float) -> bytes:
        """Read exactly `size` bytes, or give up (and stop the child) at the deadline."""
        chunks, missing, fd = [], size, self._process.stdout.fileno()
        while missing:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise PdfError("rendering took longer than its time limit")
            chunk = os.read(fd, min(missing, 1 << 20))
            if not chunk:
                raise PdfError("the renderer stopped unexpectedly")
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None


def render_pdf(html: str, static_folder: str, timeout_seconds: float) -> bytes:
    """One PDF with a one-off renderer: for the command line and benchmarks."""
    renderer = Renderer(static_folder)
    try:
        return renderer.render(html, timeout_seconds)
    finally:
        renderer.close()


def _serve(static_folder: str) -> None:
    """The child: read HTML documents from stdin, write PDFs to stdout, until stdin closes."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_file_for(url, static_folder)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})

    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while header := source.read(8):
        html = source.read(struct.unpack(">Q", header)[0]).decode("utf-8")
        try:
            status = b"+"
            document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
            body = document.write_pdf(pdf_variant=PDF_VARIANT)
        except Exception as error:  # reported to the parent, which shows a clear 503
            status, body = b"!", f"{type(error).__name__}: {error}".encode()
        sink.write(_HEADER.pack(status, len(body)) + body)
        sink.flush()


if __name__ == "__main__":
    _serve(sys.argv[1])
