"""PDF rendering with WeasyPrint: the only module that imports it.

Rendering runs in a child process with a hard time limit, and WeasyPrint may load only
the app's own static files: no file:// URLs, no network, whatever the plan's text says.

The child runs this file by path (`python pdf.py STATIC_FOLDER < page.html > plan.pdf`),
not as a module, so it starts without importing Flask and the app: only WeasyPrint.
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

BASE_URL = "https://plan.invalid/"  # a name that never resolves; only the fetcher answers it
STATIC_PREFIX = "/static/"


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


def render_pdf(html: str, static_folder: str, timeout_seconds: float) -> bytes:
    """Render in a child process; kill it if it runs past the time limit."""
    try:
        result = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), static_folder],
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=timeout_seconds,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise PdfError(f"rendering took longer than {timeout_seconds:.0f} s") from error
    if result.returncode != 0 or not result.stdout.startswith(b"%PDF"):
        raise PdfError(result.stderr.decode("utf-8", "replace")[-500:])
    return result.stdout


def _main() -> None:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    static_folder = sys.argv[1]

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_file_for(url, static_folder)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})

    html = sys.stdin.buffer.read().decode("utf-8")
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
    sys.stdout.buffer.write(document.write_pdf())


if __name__ == "__main__":
    _main()
