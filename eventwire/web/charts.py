"""Geometry of the dashboard's charts, drawn by the templates as inline SVG.

`timeline_chart` stacks events per day by quad class; `network_chart` places actors on a circle and draws who
acts on whom as curved arrows, coloured by the majority stance (cooperation or conflict) and weighted by count.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

GAP_FILL_DAYS = 120  # up to this span, days without events are shown as gaps on the axis
AXIS_LABELS = 8


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    quad_class: int
    events: int


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    left: float
    bottom: float
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def axis_days(days: Iterable[str]) -> list[str]:
    """The days of the x axis: every day from the first to the last when they span at most GAP_FILL_DAYS and
    all are ISO dates, else just the days given. RETURNS (list[str]): sorted ISO days."""
    present = sorted(set(days))
    try:
        first, last = date.fromisoformat(present[0]), date.fromisoformat(present[-1])
        for day in present:
            date.fromisoformat(day)
    except (IndexError, ValueError):
        return present
    span = (last - first).days
    if span > GAP_FILL_DAYS:
        return present
    return [(first + timedelta(days=n)).isoformat() for n in range(span + 1)]


def timeline_chart(rows: Iterable[Mapping[str, Any]], width: int = 900, height: int = 280) -> Timeline:
    """rows (Iterable[Mapping]): {day, quad_class, events}, as `Catalog.timeline` gives them.
    RETURNS (Timeline): bars stacked by quad class (1 at the bottom) for each day."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        if row["day"] is not None and row["quad_class"] is not None:
            counts[row["day"]][int(row["quad_class"])] += row["events"]
    days = axis_days(counts)
    left, top, bottom = 40.0, 10.0, height - 40.0
    peak = max((sum(c.values()) for c in counts.values()), default=0) or 1
    slot = (width - left - 10) / max(len(days), 1)
    scale = (bottom - top) / peak
    bars = []
    for index, day in enumerate(days):
        y = bottom
        for quad in sorted(counts.get(day, {})):
            h = counts[day][quad] * scale
            y -= h
            bars.append(Bar(left + index * slot + slot * 0.1, y, max(slot * 0.8, 1.0), h, day, quad,
                            counts[day][quad]))
    every = max(1, math.ceil(len(days) / AXIS_LABELS))
    x_ticks = [Tick(left + (i + 0.5) * slot, day) for i, day in enumerate(days) if i % every == 0]
    y_values = sorted({0, math.ceil(peak / 2), peak})
    y_ticks = [Tick(bottom - value * scale, str(value)) for value in y_values]
    return Timeline(width, height, left, bottom, bars, x_ticks, y_ticks)


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    x: float
    y: float
    r: float
    events: int
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: start | middle | end


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    path: str  # SVG path data, a quadratic curve bending to the right of the direction of travel
    width: float
    stance: str  # cooperation | conflict | mixed
    cooperation: int
    conflict: int


@dataclass(frozen=True)
class Network:
    size: int
    nodes: list[Node]
    edges: list[Edge]


def network_chart(rows: Iterable[Mapping[str, Any]], names: Mapping[str, str],
                  stance: Callable[[int | None], str | None], size: int = 640, max_nodes: int = 30) -> Network:
    """rows (Iterable[Mapping]): {source, target, quad_class, events}, as `Catalog.network` gives them.
    names (Mapping[str, str]): display name by actor key.
    stance (Callable): "cooperation" or "conflict" for a quad class.
    RETURNS (Network): the `max_nodes` actors in the most events, on a circle, and the edges between them."""
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    weight: Counter = Counter()
    for row in rows:
        side = stance(row["quad_class"])
        if side is None:
            continue
        pairs[row["source"], row["target"]][side] += row["events"]
        weight[row["source"]] += row["events"]
        weight[row["target"]] += row["events"]
    keys = [key for key, _ in sorted(weight.items(), key=lambda item: (-item[1], item[0]))[:max_nodes]]
    centre, radius = size / 2, size / 2 - 110
    heaviest = max(weight.values(), default=1)
    nodes: dict[str, Node] = {}
    for index, key in enumerate(keys):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(keys), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        r = 5 + 11 * math.sqrt(weight[key] / heaviest)
        nodes[key] = Node(key, names.get(key, key), centre + radius * cos, centre + radius * sin, r, weight[key],
                          centre + (radius + r + 6) * cos, centre + (radius + r + 6) * sin + 4,
                          "start" if cos > 0.2 else "end" if cos < -0.2 else "middle")
    busiest = max((sum(c.values()) for c in pairs.values()), default=1)
    edges = []
    for (source, target), sides in sorted(pairs.items()):
        if source not in nodes or target not in nodes:
            continue
        a, b = nodes[source], nodes[target]
        side = ("cooperation" if sides["cooperation"] > sides["conflict"] else
                "conflict" if sides["conflict"] > sides["cooperation"] else "mixed")
        edges.append(Edge(source, target, curve(a, b), 1 + 5 * sum(sides.values()) / busiest, side,
                          sides["cooperation"], sides["conflict"]))
    return Network(size, list(nodes.values()), edges)


def curve(a: Node, b: Node) -> str:
    """RETURNS (str): SVG path data from the rim of node a to the rim of node b, bending to the right, so that
    the edges a->b and b->a do not overlap."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    cx, cy = (a.x + b.x) / 2 - uy * length * 0.15, (a.y + b.y) / 2 + ux * length * 0.15
    start = (a.x + ux * a.r, a.y + uy * a.r)
    end = (b.x - ux * (b.r + 4), b.y - uy * (b.r + 4))
    return f"M{start[0]:.1f},{start[1]:.1f} Q{cx:.1f},{cy:.1f} {end[0]:.1f},{end[1]:.1f}"
