"""The dashboard's pages in a real headless Chromium: each loads from the example store, shows the expected
rows, and a filter changes what is shown."""
from __future__ import annotations

from collections import Counter
from datetime import date

from tests.web.test_api import event_rows, most_active


def submit(page, **fields: str) -> None:
    form = page.locator("form.filters")
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_events_explorer(page, records):
    rows = event_rows(records)
    page.goto("/events")
    assert page.locator("table#events tr.event").count() == min(len(rows), 50)
    first = page.locator("table#events tr.event").first
    trigger = first.locator("td.evidence .mark-trigger").first.inner_text()
    article_id, event_id = first.get_attribute("data-event").split("/")
    [event] = [r for r in rows if r["article_id"] == article_id and r["id"] == event_id]
    assert trigger == event["trigger"]["text"]
    if any(event["source"]):
        assert first.locator("td.evidence .mark-source").count() >= 1

    key = most_active(records)
    submit(page, actor=key)
    expected = [r for r in rows if key in r["source_keys"] or key in r["target_keys"]]
    shown = page.locator("table#events tr.event")
    assert shown.count() == len(expected) < len(rows)
    assert f"of {len(expected)}" in page.locator("p.pager").inner_text()
    submit(page, quad_class="4")
    assert page.locator("table#events tr.event").count() == sum(r["quad_class"] == 4 for r in expected)
    assert not page.problems

    page.goto("/events")
    link = page.locator("table#events tr.event a.article-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    target = page.locator("tr:target")
    assert target.count() == 1 and target.get_attribute("id") == href.rsplit("#", 1)[1]


def test_events_pagination(page, records):
    page.goto("/events?limit=5")
    first = page.locator("tr.event").all_inner_texts()
    page.locator("a[rel=next]").click()
    page.wait_for_url("**offset=5**")
    second = page.locator("tr.event").all_inner_texts()
    assert len(first) == 5 and second and not set(first) & set(second)


def test_timeline(page, records):
    rows = event_rows(records)
    page.goto("/timeline")
    bars = page.locator("svg#timeline rect.bar")
    assert sum(int(bar.get_attribute("data-events")) for bar in bars.all()) == len(rows)
    key = most_active(records)
    submit(page, actor=key)
    expected = Counter((r["day"], r["quad_class"]) for r in rows if key in r["source_keys"] or key in r["target_keys"])
    bars = page.locator("svg#timeline rect.bar").all()
    shown = Counter({(bar.get_attribute("data-day"), int(bar.get_attribute("class").rsplit("-", 1)[1])):
                     int(bar.get_attribute("data-events")) for bar in bars})
    assert shown == expected
    assert page.locator("#timeline-table tr.day-row").count() == len(expected)
    assert not page.problems


def test_network(page, records):
    rows = event_rows(records)
    pairs = {(s, t) for r in rows for s in r["source_keys"] for t in r["target_keys"] if s and t and s != t}
    page.goto("/network")
    edges = page.locator("svg#network path.edge")
    assert edges.count() == len(pairs)
    assert page.locator("svg#network circle.node").count() == len({key for pair in pairs for key in pair})
    submit(page, quad_class="4")
    conflict = {(s, t) for r in rows if r["quad_class"] == 4 for s in r["source_keys"] for t in r["target_keys"]
                if s and t and s != t}
    edges = page.locator("svg#network path.edge")
    assert edges.count() == len(conflict) < len(pairs)
    assert all("edge-conflict" in edge.get_attribute("class") for edge in edges.all())
    assert not page.problems


def test_talks(page, records):
    from eventwire.talks import build_tracks

    tracks = build_tracks(records)
    page.goto("/talks")
    sections = page.locator("section.track")
    assert sections.count() == len(tracks) > 0
    for track, section in zip(tracks, sections.all()):
        assert track.subject in section.locator("h2").inner_text()
        assert section.locator("li.status-change").count() == len(track.timeline)
        assert section.locator(".parties li").count() == len(track.parties)
        assert section.locator(".mediators li").count() == len(track.mediators)
    day = min(record["published"] for record in records)
    earlier = build_tracks(records, as_of=date.fromisoformat(day))
    submit(page, as_of=day)
    assert page.locator("section.track h2").all_inner_texts() == [
        f"{track.subject} {track.status}".strip() for track in earlier]
    assert not page.problems


def test_article_view(page, records):
    record = records[0]
    page.goto(f"/articles/{record['id']}")
    assert page.locator("h1#title").inner_text() == record["title"]
    assert page.locator("#text").inner_text() == record["text"]
    assert page.locator("#text .mark-actor").count() >= 1
    assert page.locator("#text .mark-trigger").count() == len({e["trigger"]["start"] for e in record["events"]})
    assert page.locator("#article-events tr.event").count() == len(record["events"])
    assert page.locator("#article-quotes tr.quote").count() == len(record["quotes"])
    assert page.locator("a.source-url").get_attribute("href") == record["url"]
    assert not page.problems


def test_overview_lists_articles(page, records):
    page.goto("/")
    assert page.locator("#articles tr.article").count() == len(records)
    page.locator("#articles tr.article a").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("#text").inner_text()


def test_bad_parameters_show_a_message(page):
    response = page.goto("/events?quad_class=9&since=yesterday")
    assert response.status == 422
    problems = page.locator("#problems li").all_inner_texts()
    assert any("quad_class" in p for p in problems) and any("since" in p for p in problems)


def test_no_asset_from_elsewhere(page, server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/events", "/timeline", "/network", "/talks"):
        page.goto(path)
    assert requested and all(url.startswith((server, "data:")) for url in requested)
    assert any(url.endswith("/static/style.css") for url in requested)
