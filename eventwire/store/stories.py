"""Stories: near-duplicate articles, such as syndicated copies of one wire report, grouped together.

The rule: two articles are copies of one story when the Jaccard similarity of their sets of word 5-grams
(lower-cased words; punctuation, spacing and line breaks ignored) is at least `SIMILARITY` (0.7). A copy
with a new headline, a dateline or a few edited sentences stays above it; two reports of the same event
written separately do not. The similarity is estimated with MinHash (`PERMUTATIONS` hash functions), and
candidates are found by locality-sensitive hashing: the signature is cut into `BANDS` bands, and only
articles sharing a band are compared, so finding the copies of an article is a lookup, not a scan. An
article joins the story of its most similar earlier copy; otherwise it starts a story named by its own id.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 32
SIMILARITY = 0.7
_PRIME = np.uint64(4294967291)  # the largest prime below 2**32: hashes and coefficients stay below it
_SEED = 20250725
_A, _B = (np.random.default_rng(_SEED).integers(1, int(_PRIME), size=(2, PERMUTATIONS, 1), dtype=np.uint64))
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text's word 5-grams. RETURNS (np.ndarray): PERMUTATIONS int64 values."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = np.fromiter((zlib.crc32(s.encode("utf8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    hashes %= _PRIME
    return ((_A * hashes % _PRIME + _B) % _PRIME).min(axis=1).astype(np.int64)


def bands(values: np.ndarray) -> list[tuple[int, int]]:
    """The (band, bucket) pairs of a signature: each band of rows hashed to one int64."""
    rows = len(values) // BANDS
    return [(band, int.from_bytes(hashlib.blake2b(values[band * rows:(band + 1) * rows].tobytes(),
                                                  digest_size=8).digest(), "little", signed=True))
            for band in range(BANDS)]


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float(np.mean(first == second))


@dataclass
class StoryMember:
    """An article's place in a story, as stored in the `stories` table."""

    article_id: str
    story_id: str
    signature: np.ndarray

    def to_row(self) -> dict[str, object]:
        return {"article_id": self.article_id, "story_id": self.story_id, "signature": self.signature.tolist()}


class StoryIndex:
    """Finds the story of each new article among stored articles and those assigned before it.

    stored (Iterable[tuple[StoryMember, int, int]]): stored articles with one of their (band, bucket) pairs.
    """

    def __init__(self, stored: Iterable[tuple[StoryMember, int, int]] = ()) -> None:
        self.buckets: dict[tuple[int, int], list[StoryMember]] = defaultdict(list)
        for member, band, bucket in stored:
            self.buckets[band, bucket].append(member)

    def assign(self, article_id: str, values: np.ndarray,
               keys: list[tuple[int, int]] | None = None) -> StoryMember:
        """The new article's story: that of its most similar earlier copy, else its own.

        keys (list | None): the (band, bucket) pairs of `values`, when the caller has them already.
        """
        keys = bands(values) if keys is None else keys
        candidates = {id(m): m for key in keys for m in self.buckets.get(key, ()) if m.article_id != article_id}
        scored = [(similarity(values, m.signature), m) for m in candidates.values()]
        best = max(scored, key=lambda pair: (pair[0], pair[1].article_id == pair[1].story_id), default=None)
        story = best[1].story_id if best and best[0] >= SIMILARITY else article_id
        member = StoryMember(article_id, story, values)
        for key in keys:
            self.buckets[key].append(member)
        return member
