from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputError, InputWarning, Problem
from eventwire.ingest import IngestOptions, read_inputs
from eventwire.ingest.readers import count_articles
from eventwire.model import Article, text_id

ENGLISH = ("Negotiators from both delegations left the talks on Friday after the mediators failed to "
           "agree on the terms of a ceasefire, officials said in a statement.")


def results(*inputs, **options):
    return list(read_inputs([str(i) for i in inputs], IngestOptions(**options)))


def articles(items):
    return [item for item in items if isinstance(item, Article)]


def problems(items):
    """The errors among the results (warnings left out)."""
    return [item.problem for item in items if isinstance(item, InputError) and not isinstance(item, InputWarning)]


def test_plain_text_gets_content_hash_id_and_default_date(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(ENGLISH + "\n")
    [article] = articles(results(path, default_date=date(2025, 7, 25)))
    assert article.text == ENGLISH
    assert article.id == text_id(ENGLISH)
    assert article.published == date(2025, 7, 25)
    assert article.origin == str(path)


def test_missing_date_is_a_warning_naming_the_input(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(ENGLISH)
    items = results(path)
    [warning] = [i for i in items if isinstance(i, InputWarning)]
    assert warning.problem is Problem.NO_DATE and str(path) in warning.message
    assert articles(items)[0].published is None


def test_html_body_and_metadata_come_from_trafilatura(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks stall in Doha</title>"
        '<meta property="article:published_time" content="2025-07-24T09:00:00Z">'
        '<meta name="author" content="Jane Roe"></head><body><nav>Home | World | Sport</nav>'
        f"<article><h1>Talks stall in Doha</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article>"
        "<footer>Copyright 2025</footer></body></html>")
    [article] = articles(results(path, default_date=date(2000, 1, 1)))
    assert article.title == "Talks stall in Doha"
    assert article.published == date(2025, 7, 24)  # the page's own date wins over --date
    assert article.author == "Jane Roe"
    assert ENGLISH in article.text and "Copyright" not in article.text and "Sport" not in article.text


def test_jsonl_fields_and_bad_lines_do_not_stop_the_file(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ENGLISH, "title": "T", "url": "https://example.org/a1",
                    "published": "2025-07-25"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": ENGLISH + " Later.", "published": "25 July 2025"}),
        json.dumps({"text": ENGLISH + " Again.", "published": "someday"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = results(path)
    found = articles(items)
    assert [a.id for a in found][0] == "a1"
    assert found[0].url == "https://example.org/a1" and found[0].title == "T"
    assert found[1].published == date(2025, 7, 25)
    assert found[2].published is None
    errors = [i for i in items if isinstance(i, InputError) and not isinstance(i, InputWarning)]
    assert [(e.origin, e.problem) for e in errors] == [
        (f"{path}:2", Problem.BAD_JSON), (f"{path}:3", Problem.NO_TEXT_FIELD), (f"{path}:4", Problem.BAD_JSON)]
    assert any(isinstance(i, InputWarning) and i.problem is Problem.UNREADABLE_DATE and i.origin == f"{path}:7"
               for i in items)


def test_directories_are_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b" / "c.txt").write_text(ENGLISH + " More.")
    (tmp_path / "b" / "notes.py").write_text("print('not an article')")
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    found = articles(results(tmp_path))
    assert [a.origin for a in found] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]
    assert count_articles([str(tmp_path)]) == 2


@pytest.mark.parametrize("payload", [ENGLISH.encode(), json.dumps({"text": ENGLISH}).encode()])
def test_stdin_text_or_jsonl(monkeypatch, payload):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    [article] = articles(results("-"))
    assert article.text == ENGLISH
    assert article.origin.startswith("<stdin>")


@pytest.mark.parametrize("content, problem", [
    (b"", Problem.EMPTY),
    (b"   \n\t\n", Problem.EMPTY),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, Problem.BINARY),
    ("Die Verhandlungen wurden am Freitag abgebrochen, nachdem die Vermittler keine Einigung über die "
     "Bedingungen eines Waffenstillstands erzielen konnten, teilten Beamte mit.".encode(), Problem.NOT_ENGLISH),
])
def test_bad_text_files_are_named_errors(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [error] = [i for i in results(path) if isinstance(i, InputError) and not isinstance(i, InputWarning)]
    assert error.problem is problem
    assert error.message.startswith(f"{path}: {problem.value}")


def test_legacy_encoding_is_detected(tmp_path):
    path = tmp_path / "latin1.txt"
    text = ENGLISH + " The café owner in Córdoba said the négociations had stalled again."
    path.write_bytes(text.encode("cp1252"))
    [article] = articles(results(path))
    assert "Córdoba" in article.text


def test_size_limit_and_missing_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(ENGLISH * 100)
    items = results(path, tmp_path / "absent.txt", max_bytes=1000)
    assert problems(items) == [Problem.TOO_LARGE, Problem.NOT_FOUND]
    assert "1000 bytes" in items[0].message


def test_html_without_article_body(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><div></div></body></html>")
    assert problems(results(path)) == [Problem.NO_ARTICLE_BODY]


def test_one_bad_file_never_hides_the_others(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ENGLISH)
    bad.write_bytes(b"")
    items = results(bad, good)
    assert problems(items) == [Problem.EMPTY]
    assert len(articles(items)) == 1


def test_an_unreadable_file_is_an_error_for_that_file_only(tmp_path, monkeypatch):
    good, locked = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(ENGLISH)
    locked.write_text(ENGLISH)
    real_read_bytes = Path.read_bytes

    def read_bytes(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    items = results(locked, good)
    assert problems(items) == [Problem.UNREADABLE]
    assert "locked.txt: E011 cannot read the input: Permission denied" in items[0].message
    assert len(articles(items)) == 1
