"""Chart geometry: stacked day bars and the actor network."""
from eventwire.web.charts import axis_days, network_chart, timeline_chart
from eventwire.web.labels import load_labels


def test_axis_fills_short_gaps_only():
    assert axis_days(["2025-03-04", "2025-03-01"]) == ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"]
    assert axis_days(["2020-01-01", "2025-01-01"]) == ["2020-01-01", "2025-01-01"]
    assert axis_days(["2025-03-01", "not a day"]) == ["2025-03-01", "not a day"]


def test_timeline_stacks_quad_classes():
    rows = [{"day": "2025-03-01", "quad_class": 1, "events": 2}, {"day": "2025-03-01", "quad_class": 4, "events": 2},
            {"day": "2025-03-03", "quad_class": 3, "events": 1}]
    chart = timeline_chart(rows, width=400, height=200)
    assert [(b.day, b.quad_class, b.events) for b in chart.bars] == [
        ("2025-03-01", 1, 2), ("2025-03-01", 4, 2), ("2025-03-03", 3, 1)]
    first, stacked, alone = chart.bars
    assert first.y + first.height == chart.bottom and stacked.y + stacked.height == first.y
    assert abs(first.height - 2 * alone.height) < 1e-6 and alone.x > stacked.x
    assert [t.label for t in chart.y_ticks] == ["0", "2", "4"]


def test_network_edges_by_stance_and_weight():
    rows = [{"source": "hamas", "target": "ISR", "quad_class": 3, "events": 3},
            {"source": "hamas", "target": "ISR", "quad_class": 1, "events": 1},
            {"source": "EGY", "target": "ISR", "quad_class": 1, "events": 1},
            {"source": "ISR", "target": "EGY", "quad_class": 4, "events": 1}]
    chart = network_chart(rows, {"ISR": "Israel"}, load_labels().stance)
    edges = {(e.source, e.target): e for e in chart.edges}
    assert edges["hamas", "ISR"].stance == "conflict" and edges["hamas", "ISR"].cooperation == 1
    assert edges["EGY", "ISR"].stance == "cooperation" and edges["ISR", "EGY"].stance == "conflict"
    assert edges["hamas", "ISR"].width > edges["EGY", "ISR"].width
    assert edges["EGY", "ISR"].path != edges["ISR", "EGY"].path  # both directions stay visible
    nodes = {n.key: n for n in chart.nodes}
    assert nodes["ISR"].name == "Israel" and nodes["hamas"].name == "hamas" and nodes["ISR"].r > nodes["EGY"].r
    assert len(network_chart(rows, {}, load_labels().stance, max_nodes=2).edges) == 1
