from __future__ import annotations

from datetime import date

from eventwire.engine import extract_records
from eventwire.errors import InputError, Problem
from eventwire.model import Article

RECORD_KEYS = ["id", "title", "url", "published", "text", "sentences", "actors", "events", "quotes"]
ACTOR_KEYS = ["id", "text", "start", "end", "key", "name", "country", "sector", "cameo_code", "type", "kb_id",
              "refers_to"]

TEXTS = [
    "Egypt and Qatar urged both sides to return to the negotiating table. The talks in Cairo resume on Monday.",
    "Protesters gathered outside the parliament in Nairobi on Thursday. Police fired tear gas.",
    "The European Union said it would send a delegation to Kyiv next week.",
]


def test_a_pronoun_actor_refers_to_its_antecedent(extractor):
    [record] = extractor.extract([Article(text=TEXTS[-1], published=date(2025, 3, 4), origin="pronoun")])
    actors = {actor.text: actor for actor in record.actors}
    assert actors["it"].refers_to == actors["European Union"].id
    assert actors["European Union"].refers_to is None


def test_record_has_the_contract_shape_and_valid_offsets(extractor, example_article):
    text = example_article.read_text()
    [record] = extractor.extract([Article(text=text, published=date(2025, 3, 4), origin="example")])
    data = record.to_dict()
    assert list(data) == RECORD_KEYS
    assert data["published"] == "2025-03-04" and data["text"] == text
    assert len(data["sentences"]) >= 10
    assert all(text[s["start"]:s["end"]].strip() for s in data["sentences"])
    assert data["sentences"] == sorted(data["sentences"], key=lambda s: s["start"])
    assert data["actors"], "named actors are found"
    for actor in data["actors"]:
        assert list(actor) == ACTOR_KEYS
        assert text[actor["start"]:actor["end"]] == actor["text"]
    mentions = {actor["text"] for actor in data["actors"]}
    assert {"Jeddah", "Saudi Arabia"} & mentions


def test_workers_give_the_same_records_in_the_same_order():
    articles = [Article(text=t, origin=f"t{i}") for i, t in enumerate(TEXTS * 6)]
    one = [r.to_dict() for r in extract_records(articles, workers=1)]
    two = [r.to_dict() for r in extract_records(articles, workers=2)]
    assert one == two
    assert [r["text"] for r in two] == [a.text for a in articles]


def test_an_article_that_breaks_the_pipeline_fails_alone(extractor):
    too_long = "word " * (extractor.nlp.max_length // 5 + 10)
    batch = [Article(text=TEXTS[0], origin="first"), Article(text=too_long, origin="monster"),
             Article(text=TEXTS[1], origin="last")]
    results = extractor.extract(batch)
    assert [type(r).__name__ for r in results] == ["ArticleRecord", "InputError", "ArticleRecord"]
    error = results[1]
    assert isinstance(error, InputError) and error.problem is Problem.PROCESSING
    assert error.message.startswith("monster: E010")


def test_a_pipeline_without_parser_or_entities_still_resolves_names(tmp_path):
    import spacy

    from eventwire.engine import Extractor

    spacy.blank("en").to_disk(tmp_path / "blank")
    [record] = Extractor(str(tmp_path / "blank")).extract([Article(text=TEXTS[0], origin="blank")])
    assert {a.key for a in record.actors} >= {"EGY", "QAT"}
    assert record.sentences and record.events == []


def test_a_failure_after_parsing_fails_that_article_only(extractor, monkeypatch):
    real = extractor.build_record

    def build_record(article, doc):
        if article.origin == "bad":
            raise RuntimeError("coder broke")
        return real(article, doc)

    monkeypatch.setattr(extractor, "build_record", build_record)
    results = extractor.extract([Article(text=TEXTS[0], origin="good"), Article(text=TEXTS[1], origin="bad")])
    assert type(results[0]).__name__ == "ArticleRecord"
    assert isinstance(results[1], InputError) and "coder broke" in results[1].message


def test_a_gazetteer_given_places_events_too(tmp_path):
    from eventwire.actors.sources import ActorSources
    from eventwire.engine import Extractor

    cities = tmp_path / "cities500.txt"
    cities.write_text("2634341\tWick\tWick\tInbhir Uige\t58.43\t-3.08\tP\tPPL\tGB\t\tSCT\t\t\t\t7000\t\t10\t"
                      "Europe/London\t2024-01-01\n")
    [record] = Extractor(sources=ActorSources(gazetteers=(cities,))).extract(
        [Article(text="British police arrested protesters in Wick on Monday.")])
    located = [e.location for e in record.events if e.location is not None]
    assert located and (located[0].name, located[0].lat, located[0].lon) == ("Wick", 58.43, -3.08)


def test_an_event_with_no_place_of_its_own_is_located_at_the_dateline(extractor):
    [record] = extractor.extract([Article(text="CAIRO, Egypt — Israel criticised Hamas on Monday.")])
    [event] = [e for e in record.events if e.cameo.startswith("11")]
    assert event.location is not None and event.location.name == "Cairo"
