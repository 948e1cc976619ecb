"""Records of the talks test articles and of the shared example, extracted once with the real pipeline."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article

ARTICLES = Path(__file__).parent / "articles"


def extract(extractor, paths: list[Path], published: list[date]) -> list[dict]:
    articles = [Article(text=path.read_text(encoding="utf8").strip(), published=day, origin=path.name)
                for path, day in zip(paths, published)]
    records = extractor.extract(articles)
    assert all(not isinstance(r, Exception) for r in records), records
    return [r.to_dict() for r in records]


@pytest.fixture(scope="session")
def extract_articles(extractor):
    """extract_articles(paths, dates) -> records, with the real extractor."""
    return lambda paths, published: extract(extractor, paths, published)


@pytest.fixture(scope="session")
def sequence_records(extractor) -> dict[str, dict]:
    """The test articles (named YYYY-MM-DD-slug.txt, the date being the publication date) by slug."""
    paths = sorted(ARTICLES.glob("*.txt"))
    records = extract(extractor, paths, [date.fromisoformat(p.name[:10]) for p in paths])
    return {path.stem[11:]: record for path, record in zip(paths, records)}


@pytest.fixture(scope="session")
def gaza_record(extractor, shared_example) -> dict:
    [record] = extract(extractor, [shared_example], [date(2025, 7, 25)])
    return record
