from __future__ import annotations

import json

from eventwire.evaluate.reference import Reference, event_rows, score
from eventwire.model import Actor, Article, ArticleRecord, Event, TextSpan


def record(*events):
    actors = [Actor("a1", "Hamas", 0, 5, key="hamas"), Actor("a2", "U.S.", 10, 14, key="USA"),
              Actor("a3", "Doha", 20, 24, key="QAT"), Actor("a4", "Qatar", 30, 35, key="QAT")]
    built = [Event(id=f"e{n}", sentence=0, trigger=TextSpan("x", 0, 1), source=s, target=t, cameo=c, cameo_root=c[:2])
             for n, (s, t, c) in enumerate(events, start=1)]
    return ArticleRecord(article=Article(text="x"), actors=actors, events=built)


def test_rows_are_distinct_source_target_root_triples():
    rows = event_rows(record((["a1"], ["a2"], "111"), (["a1"], ["a2"], "112"), (["a4"], [], "039")))
    assert rows == [("hamas", "USA", "11"), ("QAT", None, "03")]


def test_recall_precision_and_accepted_alternatives(tmp_path):
    (tmp_path / "doc.txt").write_text("text")
    (tmp_path / "ref.json").write_text(json.dumps({
        "document": "doc.txt",
        "events": [{"source": "hamas", "target": "USA", "cameo_root": "11", "accept": ["12"]},
                   {"source": "USA", "target": "hamas", "cameo_root": "16", "accept_targets": ["QAT"]},
                   {"source": "QAT", "target": None, "cameo_root": "03"}],
        "optional_events": [{"source": "USA", "target": None, "cameo_root": "03"}]}))
    reference = Reference.load(tmp_path / "ref.json")
    assert reference.document == tmp_path / "doc.txt"
    figures = score(reference, record((["a1"], ["a2"], "120"), (["a2"], ["a3"], "164"), (["a2"], [], "030"),
                                      (["a1"], ["a4"], "190")))
    assert (figures["required_found"], figures["required"]) == (2, 3)
    assert (figures["produced_correct"], figures["produced"]) == (3, 4)
    assert figures["wrong"] == ["hamas -> QAT 19"]
    assert figures["missed"][0].startswith("QAT -> None 03")
