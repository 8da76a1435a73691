"""QR codes as SVG for the join URL."""

import io

import segno


def qr_svg(url: str) -> bytes:
    """A crisp, scalable QR code; dark modules on white with the standard quiet zone."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        scale=10,
        border=4,
        dark="#111827",
        light="#ffffff",
        xmldecl=False,
        svgclass="qr",
        title=None,
    )
    return buffer.getvalue()
