"""The JSON API over HTTP, against a real uvicorn server and a DuckDB store built from the example articles.
Expected answers are worked out from the extracted records themselves."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest


def event_rows(records: list[dict]) -> list[dict]:
    """Each event of the records with its article, day and the keys of its sources and targets."""
    rows = []
    for record in records:
        keys = {actor["id"]: actor["key"] for actor in record["actors"]}
        for event in record["events"]:
            rows.append({**event, "article_id": record["id"], "day": (event["date"] or record["published"])[:10],
                         "source_keys": [keys[a] for a in event["source"]],
                         "target_keys": [keys[a] for a in event["target"]]})
    return rows


def most_active(records: list[dict]) -> str:
    counts = Counter(key for row in event_rows(records) for key in {*row["source_keys"], *row["target_keys"]} if key)
    return counts.most_common(1)[0][0]


def test_articles_list_with_counts(http, records):
    answer = http.get("/api/articles").json()
    assert answer["total"] == len(records)
    by_id = {item["article_id"]: item for item in answer["items"]}
    for record in records:
        item = by_id[record["id"]]
        assert (item["events"], item["actors"], item["quotes"]) == (
            len(record["events"]), len(record["actors"]), len(record["quotes"]))
        assert "text" not in item
    published = [item["published"] for item in answer["items"]]
    assert published == sorted(published, reverse=True)


def test_article_is_the_canonical_record(http, records):
    for record in records:
        assert http.get(f"/api/articles/{record['id']}").json() == record
    missing = http.get("/api/articles/0000000000000000")
    assert missing.status_code == 404 and "0000000000000000" in missing.json()["detail"]


def test_events_unfiltered_and_paginated(http, records):
    total = len(event_rows(records))
    first = http.get("/api/events", params={"limit": 3}).json()
    second = http.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == total
    assert len(first["items"]) == len(second["items"]) == 3
    seen = {(e["article_id"], e["event_id"]) for e in first["items"] + second["items"]}
    assert len(seen) == 6
    every = http.get("/api/events", params={"limit": 500}).json()["items"]
    assert len(every) == total
    for event in every:
        assert event["evidence"] and event["trigger_text"] in event["evidence"]


@pytest.mark.parametrize("name", ["actor", "source", "target"])
def test_events_by_actor(http, records, name):
    key = most_active(records)
    rows = event_rows(records)
    sides = {"actor": ("source_keys", "target_keys"), "source": ("source_keys",), "target": ("target_keys",)}[name]
    expected = {(r["article_id"], r["id"]) for r in rows if any(key in r[side] for side in sides)}
    answer = http.get("/api/events", params={name: key, "limit": 500}).json()
    assert {(e["article_id"], e["event_id"]) for e in answer["items"]} == expected
    assert answer["total"] == len(expected) > 0


def test_events_by_dyad(http, records):
    rows = event_rows(records)
    pairs = Counter((s, t) for r in rows for s in r["source_keys"] for t in r["target_keys"] if s and t)
    (source, target), _ = pairs.most_common(1)[0]
    expected = {(r["article_id"], r["id"]) for r in rows if source in r["source_keys"] and target in r["target_keys"]}
    answer = http.get("/api/events", params={"source": source, "target": target}).json()
    assert {(e["article_id"], e["event_id"]) for e in answer["items"]} == expected


def test_events_by_codes(http, records):
    rows = event_rows(records)
    root = Counter(r["cameo_root"] for r in rows).most_common(1)[0][0]
    plover = Counter(r["plover"] for r in rows if r["plover"]).most_common(1)[0][0]
    for params, expected in (({"cameo_root": root}, [r for r in rows if r["cameo_root"] == root]),
                             ({"plover": plover}, [r for r in rows if r["plover"] == plover]),
                             ({"quad_class": 3}, [r for r in rows if r["quad_class"] == 3]),
                             ({"quad_class": 3, "plover": plover},
                              [r for r in rows if r["quad_class"] == 3 and r["plover"] == plover])):
        answer = http.get("/api/events", params={**params, "limit": 500}).json()
        assert answer["total"] == len(expected), params


def test_events_by_dates_and_text(http, records):
    rows = event_rows(records)
    day = max(r["day"] for r in rows)
    answer = http.get("/api/events", params={"since": day, "until": day, "limit": 500}).json()
    assert answer["total"] == sum(r["day"] == day for r in rows) > 0
    assert {e["day"] for e in answer["items"]} == {day}
    word = rows[0]["trigger"]["text"]
    found = http.get("/api/events", params={"q": word.upper(), "limit": 500}).json()["items"]
    assert found and all(word.lower() in e["evidence"].lower() for e in found)
    assert http.get("/api/events", params={"q": "100%_no_such_words"}).json()["total"] == 0


def test_values_are_parameters_not_sql(http):
    for value in ("x' OR '1'='1", "hamas'); DROP TABLE events; --"):
        assert http.get("/api/events", params={"actor": value}).json()["total"] == 0
    assert http.get("/api/counts").json()["tables"]["events"] > 0


def test_actors_quotes_counts(http, records):
    key = most_active(records)
    actors = http.get("/api/actors", params={"limit": 500}).json()
    keys = Counter(a["key"] for r in records for a in r["actors"] if a["key"])
    assert actors["total"] == len(keys)
    by_key = {a["key"]: a for a in actors["items"]}
    assert by_key[key]["mentions"] == keys[key] and by_key[key]["name"]
    assert [a["mentions"] for a in actors["items"]] == sorted((a["mentions"] for a in actors["items"]), reverse=True)
    assert key in {a["key"] for a in http.get("/api/actors", params={"q": by_key[key]["name"]}).json()["items"]}

    speakers = Counter(a["key"] for r in records for q in r["quotes"] for a in r["actors"]
                       if a["id"] == q["speaker"] and a["key"])
    speaker, said = speakers.most_common(1)[0]
    quotes = http.get("/api/quotes", params={"speaker": speaker, "limit": 500}).json()
    assert quotes["total"] == said and all(q["speaker_key"] == speaker for q in quotes["items"])

    counts = http.get("/api/counts").json()
    assert counts["tables"] == {"articles": len(records), "actors": sum(len(r["actors"]) for r in records),
                                "events": sum(len(r["events"]) for r in records),
                                "quotes": sum(len(r["quotes"]) for r in records)}
    assert sum(counts["quad_class"].values()) == counts["tables"]["events"]


def test_timeline_and_network(http, records):
    key = most_active(records)
    rows = [r for r in event_rows(records) if key in r["source_keys"] or key in r["target_keys"]]
    timeline = http.get("/api/timeline", params={"actor": key}).json()
    assert sum(day["events"] for day in timeline) == len(rows)
    assert Counter({(d["day"], d["quad_class"]): d["events"] for d in timeline}) == Counter(
        (r["day"], r["quad_class"]) for r in rows)

    expected = Counter((s, t, r["quad_class"]) for r in event_rows(records) for s in r["source_keys"]
                       for t in r["target_keys"] if s and t and s != t)
    network = http.get("/api/network").json()
    assert Counter({(e["source"], e["target"], e["quad_class"]): e["events"] for e in network}) == expected


def test_talks_tracks(http, records):
    from eventwire.talks import build_tracks

    assert http.get("/api/talks").json() == [track.to_dict() for track in build_tracks(records)]
    day = min(record["published"] for record in records)
    assert http.get("/api/talks", params={"as_of": day}).json() == [
        track.to_dict() for track in build_tracks(records, as_of=date.fromisoformat(day))]
    assert http.get("/api/talks", params={"subject": "no such subject"}).json() == []


@pytest.mark.parametrize("path, params, names", [
    ("/api/events", {"cameo_root": "abc"}, "cameo_root"),
    ("/api/events", {"plover": "accuse; drop"}, "plover"),
    ("/api/events", {"quad_class": "7"}, "quad_class"),
    ("/api/events", {"since": "2025-02-30"}, "since"),
    ("/api/events", {"since": "2025-08-01", "until": "2025-07-01"}, "since"),
    ("/api/events", {"q": "x" * 201}, "q"),
    ("/api/events", {"actor": "bad\x00key"}, "actor"),
    ("/api/events", {"limit": "0"}, "limit"),
    ("/api/events", {"limit": "100000"}, "limit"),
    ("/api/events", {"offset": "-1"}, "offset"),
    ("/api/actors", {"country": "israel"}, "country"),
    ("/api/quotes", {"speaker": "k" * 101}, "speaker"),
    ("/api/timeline", {"actor": "<script>"}, "actor"),
    ("/api/talks", {"as_of": "soon"}, "as_of"),
])
def test_bad_parameters_get_422_naming_them(http, path, params, names):
    answer = http.get(path, params=params)
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert any(names in " ".join(map(str, problem["loc"])) or names in problem["msg"] for problem in detail), detail


def test_oversized_query_string_is_refused(http):
    answer = http.get("/api/events?q=" + "a" * 5000)
    assert answer.status_code == 414 and "query string" in answer.text


def test_read_only_and_headers(http):
    assert http.post("/api/events", json={}).status_code == 405
    assert http.delete("/api/articles/x").status_code == 405
    headers = http.get("/api/counts").headers
    assert "script-src" not in headers["content-security-policy"]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_the_api(http):
    schema = http.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors", "/api/quotes",
            "/api/talks", "/api/counts", "/api/timeline", "/api/network"} <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "source", "target", "cameo_root", "plover", "quad_class", "since", "until", "q", "limit",
            "offset"} <= parameters
    assert "/events" not in schema["paths"]  # pages are not part of the API
