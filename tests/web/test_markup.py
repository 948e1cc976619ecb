"""Cutting text at overlapping marks, and the marks of an event and of an article."""
from eventwire.web.markup import Mark, article_marks, evidence_marks, segments


def test_segments_join_back_and_nest():
    text = "Hamas accused Israel of delays."
    pieces = segments(text, [Mark(0, 5, "actor", "Hamas"), Mark(6, 13, "trigger"), Mark(6, 30, "quote", "q1"),
                             Mark(14, 20, "actor", "Israel")])
    assert "".join(p.text for p in pieces) == text
    by_text = {p.text: p for p in pieces}
    assert by_text["Hamas"].kinds == ("actor",)
    assert by_text["accused"].kinds == ("trigger", "quote")
    assert by_text["Israel"].kinds == ("quote", "actor") and by_text["Israel"].title == "q1; Israel"
    assert by_text[" of delays"].css == "mark-quote"


def test_segments_of_a_sentence_use_article_offsets():
    article = "First sentence. Egypt urged Qatar to act."
    start = article.index("Egypt")
    pieces = segments(article[start:], [Mark(start, start + 5, "source"), Mark(0, 5, "actor"),
                                        Mark(start - 3, start + 2, "quote")], offset=start)
    assert "".join(p.text for p in pieces) == article[start:]
    assert [(p.text, p.kinds) for p in pieces[:2]] == [("Eg", ("source", "quote")), ("ypt", ("source",))]


def test_evidence_and_article_marks():
    record = {"id": "x", "text": "Egypt urged Qatar to act.",
              "actors": [{"id": "a1", "text": "Egypt", "start": 0, "end": 5, "key": "EGY", "name": "Egypt",
                          "cameo_code": "EGY"},
                         {"id": "a2", "text": "Qatar", "start": 12, "end": 17, "key": None}],
              "events": [{"id": "e1", "trigger": {"text": "urged", "start": 6, "end": 11}, "cameo": "020",
                          "plover": "REQUEST", "source": ["a1"], "target": ["a2"]}],
              "quotes": []}
    row = {"article_id": "x", "trigger_start": 6, "trigger_end": 11, "cameo": "020", "plover": "REQUEST",
           "source": ["a1"], "target": ["a2"]}
    mentions = {("x", a["id"]): a for a in record["actors"]}
    marks = evidence_marks(row, mentions)
    assert [(m.kind, m.start) for m in marks] == [("trigger", 6), ("source", 0), ("target", 12)]
    assert marks[1].note == "source: Egypt (EGY, EGY)" and marks[2].note == "target: unresolved"
    assert {m.kind for m in article_marks(record)} == {"actor", "trigger"}
