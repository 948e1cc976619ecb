"""The catalogue of errors eventwire reports about its inputs.

Each error has a stable code (searchable in the docs and in logs) and names the input it concerns.
Bad input never stops a batch: readers yield these errors beside the articles they could read.
"""
from __future__ import annotations

from enum import Enum


class Problem(str, Enum):
    """Why an input could not be processed. The value is the message template."""

    NOT_FOUND = "E001", "no such file or directory"
    EMPTY = "E002", "empty input (no text)"
    BINARY = "E003", "binary content, not text"
    UNDECODABLE = "E004", "cannot decode the bytes as text (tried UTF-8 and a detected encoding)"
    TOO_LARGE = "E005", "input is larger than the size limit of {limit} bytes"
    NOT_ENGLISH = "E006", "text does not look like English (English function words: {share:.0%})"
    NO_ARTICLE_BODY = "E007", "HTML page has no article body that could be extracted"
    BAD_JSON = "E008", "malformed JSON Lines record: {detail}"
    NO_TEXT_FIELD = "E009", "JSON Lines record has no non-empty string field 'text'"
    PROCESSING = "E010", "analysis failed: {detail}"
    UNREADABLE = "E011", "cannot read the input: {detail}"
    NO_DATE = "W001", "no publication date; relative dates stay unresolved (give one with --date)"
    UNREADABLE_DATE = "W002", "cannot read the date {value!r}; the publication date is treated as unknown"

    def __new__(cls, code: str, template: str) -> "Problem":
        member = str.__new__(cls, code)
        member._value_ = code
        member.template = template
        return member


class InputError(Exception):
    """An input that could not be turned into an article record.

    origin (str): the input it concerns, e.g. a path, ``path:line`` or ``<stdin>``.
    problem (Problem): what went wrong; ``details`` fill its message template.
    """

    def __init__(self, origin: str, problem: Problem, **details: object) -> None:
        self.origin = origin
        self.problem = problem
        self.details = details
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.origin}: {self.problem.value} {self.problem.template.format(**self.details)}"

    def to_dict(self) -> dict[str, object]:
        return {"input": self.origin, "code": self.problem.value,
                "reason": self.problem.template.format(**self.details)}


class InputWarning(InputError):
    """Something about an input worth telling the user that does not stop it being processed."""
