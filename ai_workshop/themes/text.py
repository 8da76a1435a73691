"""Words that carry no theme: stop words and what every service story says, in English
here and in the other languages in stop_words/."""

import re
from pathlib import Path

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "got",
        "get",
        "gets",
        "also",
        "really",
        "still",
        "even",
        "much",
        "many",
        "one",
        "two",
        "three",
        "day",
        "days",
        "time",
        "times",
        "week",
        "weeks",
        "later",
        "went",
        "came",
        "made",
        "make",
        "makes",
        "us",
        "let",
        "lot",
        "bit",
        "back",
        "way",
    ]
)

# Words nearly every story in a domain shares: they say nothing about which theme it is.
DOMAIN_WORDS = frozenset(
    [
        "customer",
        "customers",
        "client",
        "clients",
        "call",
        "calls",
        "called",
        "calling",
        "team",
        "teams",
        "colleague",
        "colleagues",
        "said",
        "says",
        "told",
        "tell",
        "asked",
        "ask",
        "company",
        "service",
        "services",
        "support",
        "agent",
        "agents",
        "ticket",
        "tickets",
        "issue",
        "issues",
        "problem",
        "problems",
        "thing",
        "things",
        "people",
        "person",
        "work",
        "working",
        "worked",
        "job",
        "shift",
        "ward",
        "patient",
        "patients",
        "nurse",
        "nurses",
    ]
)

# Letters of any script, with inner apostrophes and hyphens ("don't", "après-vente").
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
# Japanese runs of one script: kanji, katakana, hiragana. Japanese writes no spaces, and a
# run of kanji or katakana is most often a word of its own (対応, 信頼, チーム).
_JAPANESE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+|[\u30a0-\u30ffー]+|[\u3040-\u309f]+"
)
_HAS_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")

_ELIDING = frozenset({"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu"})
_STOP_WORD_FILES = Path(__file__).resolve().parent / "stop_words"


def _other_languages() -> frozenset[str]:
    """The stop and domain words of every other language a room may write in, together:
    a room may mix languages, and few such words are content words in another language."""
    words = set()
    for path in sorted(_STOP_WORD_FILES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip().lower()
            if word and not word.startswith("#"):
                words.add(word)
    return frozenset(words)


IGNORED = STOP_WORDS | DOMAIN_WORDS | _other_languages()


def _tokens(text: str):
    for match in _WORD.finditer(text or ""):
        word = match.group()
        if _HAS_JAPANESE.search(word):
            yield from (run for run in _JAPANESE.findall(word))
            continue
        word = word.lower().strip("'’-")
        head, mark, rest = word.replace("’", "'").partition("'")
        if mark and (len(head) <= 2 or head in _ELIDING):
            word = rest  # French and Italian elision: l'équipe, d'abord, qu'elle
        yield word


def _long_enough(word: str) -> bool:
    # Two kanji or katakana make a word (信頼, 電話); elsewhere two letters rarely do.
    return len(word) >= 2 if _HAS_JAPANESE.search(word) else len(word) > 2


def content_words(text: str) -> list[str]:
    return [word for word in _tokens(text) if word not in IGNORED and _long_enough(word)]


def content_text(text: str) -> str:
    return " ".join(content_words(text))
