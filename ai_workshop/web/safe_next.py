"""Where a form may send the browser back to: a path of this site, never another site."""

from urllib.parse import urlsplit


def local_target(target: str | None) -> str | None:
    """`target` when it is a local path, else None."""
    local = target and target.startswith("/") and not target.startswith("//")
    # A control character (a CR or LF smuggled in as %0D%0A) cannot go into a header.
    printable = local and target.isprintable()
    if printable and not urlsplit(target).netloc and "\\" not in target:
        return target
    return None
