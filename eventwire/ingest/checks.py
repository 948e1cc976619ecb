"""Checks that decide whether some bytes or text can be analysed, and decoding that does not guess blindly."""
from __future__ import annotations

import re
from datetime import date, datetime

import charset_normalizer
from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.errors import InputError, Problem

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MIN_WORDS_FOR_LANGUAGE_CHECK = 12
MIN_ENGLISH_FUNCTION_WORD_SHARE = 0.12


def decode(data: bytes, origin: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), else as the encoding charset_normalizer detects.

    RAISES (InputError): BINARY for NUL bytes, UNDECODABLE when no encoding fits.
    """
    if b"\x00" in data[:8192]:
        raise InputError(origin, Problem.BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise InputError(origin, Problem.UNDECODABLE)
    return str(best)


def check_text(text: str, origin: str) -> str:
    """Return the text when it can be analysed. RAISES (InputError): EMPTY, BINARY or NOT_ENGLISH."""
    if not text.strip():
        raise InputError(origin, Problem.EMPTY)
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 10000):
        raise InputError(origin, Problem.BINARY)
    share = english_function_word_share(text)
    if share is not None and share < MIN_ENGLISH_FUNCTION_WORD_SHARE:
        raise InputError(origin, Problem.NOT_ENGLISH, share=share)
    return text


def english_function_word_share(text: str) -> float | None:
    """Share of words that are English function words, or None for texts too short to tell."""
    words = WORD.findall(text[:20000].lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return None
    return sum(1 for w in words if w in STOP_WORDS) / len(words)


def parse_date(value: object) -> date | None:
    """Read a publication date from YYYY-MM-DD, an ISO timestamp or a written date ("25 July 2025").

    RETURNS (date | None): None when the value cannot be read.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for unusual formats

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None
