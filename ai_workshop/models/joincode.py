"""Six-character join codes that survive being read aloud or off a projector (what a
workshop stores as its code)."""

import secrets

# No 0/O, 1/I/L: the characters people confuse when reading a screen from afar.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 6


def generate_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(raw: str) -> str:
    """Upper-case and drop spaces and dashes, so 'abc 234' finds ABC234."""
    return "".join(ch for ch in raw.upper() if ch not in " -\t\n")


def looks_like_code(code: str) -> bool:
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)
