"""WeasyPrint may load the app's own static files and nothing else, and has a time limit."""

from pathlib import Path

import pytest

from ai_workshop.plan.pdf import BASE_URL, PdfError, render_pdf, static_file_for

STATIC = str(Path(__file__).resolve().parents[2] / "static")


def test_static_files_are_allowed():
    assert static_file_for(BASE_URL + "static/css/plan.css", STATIC).name == "plan.css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://plan.invalid/static/../../etc/passwd",
        "https://plan.invalid/static/%2e%2e/secret",
        "https://plan.invalid/etc/passwd",
        "https://another.invalid/static/css/plan.css",
        "data:text/plain,hello",
    ],
)
def test_everything_else_is_blocked(url):
    with pytest.raises(ValueError):
        static_file_for(url, STATIC)


def test_hostile_markup_in_the_html_cannot_reach_files(tmp_path):
    html = '<p>Hi</p><img src="file:///etc/passwd"><link rel="stylesheet" href="http://example.com/x.css">'
    pdf = render_pdf(html, STATIC, timeout_seconds=60)
    assert pdf.startswith(b"%PDF") and b"root:" not in pdf


def test_rendering_has_a_time_limit():
    with pytest.raises(PdfError):
        render_pdf("<p>" + "slow " * 10 + "</p>", STATIC, timeout_seconds=0.01)


def test_a_warm_renderer_recovers_after_a_timeout_and_is_reused():
    from ai_workshop.plan.pdf import Renderer

    renderer = Renderer(STATIC)
    try:
        with pytest.raises(PdfError):
            renderer.render("<p>" + "word " * 20000 + "</p>", timeout_seconds=0.05)
        first = renderer.render("<p>One</p>", timeout_seconds=60)
        process = renderer._process
        second = renderer.render("<p>Two</p>", timeout_seconds=60)
        assert first.startswith(b"%PDF") and second.startswith(b"%PDF")
        assert renderer._process is process  # the same warm child served both
    finally:
        renderer.close()


def test_a_blocked_stylesheet_is_skipped_not_fatal():
    from ai_workshop.plan.pdf import Renderer

    renderer = Renderer("/nonexistent-static-folder")
    try:
        pdf = renderer.render(
            '<link rel="stylesheet" href="/static/css/plan.css"><p>Still renders</p>', 60
        )
        assert pdf.startswith(b"%PDF")  # a blocked stylesheet is skipped, not fatal
    finally:
        renderer.close()
