"""`eventwire query`: ready analyses and SQL, as a table or CSV."""
from __future__ import annotations

import csv
import io

from .conftest import cli


def rows(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


def test_dyads_count_events_per_day_and_dyad(store_path):
    result = cli("query", "dyads", "--db", str(store_path), "--format", "csv")
    assert result.exit_code == 0, result.output
    dyads = rows(result.output)
    assert list(dyads[0]) == ["day", "source", "target", "events", "mentions"]
    pairs = {(row["source"], row["target"]) for row in dyads}
    assert ("RUS", "UKR") in pairs and ("SDN", "rapid support forces") in pairs
    sudan = next(row for row in dyads if (row["source"], row["target"]) == ("SDN", "rapid support forces"))
    assert int(sudan["mentions"]) == 2 * int(sudan["events"])  # reported by the article and its copy


def test_timeline_of_an_actor(store_path):
    result = cli("query", "timeline", "Russia", "--db", str(store_path), "--format", "csv")
    assert result.exit_code == 0, result.output
    timeline = rows(result.output)
    assert timeline and all("Russia" in row["source"] + row["target"] for row in timeline)
    assert {row["role"] for row in timeline} <= {"source", "target"}
    assert cli("query", "timeline", "--db", str(store_path)).exit_code == 2  # the actor is required


def test_accusers_and_quad_balance(store_path):
    accusers = rows(cli("query", "accusers", "--db", str(store_path), "--format", "csv", "--limit", "3").output)
    assert 0 < len(accusers) <= 3 and list(accusers[0]) == ["actor", "accuses", "accused"]
    quad = rows(cli("query", "quad", "--db", str(store_path), "--format", "csv").output)
    assert quad and all(-1 <= float(row["balance"]) <= 1 for row in quad)
    assert all(int(row["events"]) == sum(int(row[name]) for name in (
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")) for row in quad)


def test_sql_and_table_output(store_path):
    result = cli("query", "--sql", "SELECT count(*) AS stored FROM articles", "--db", str(store_path))
    assert result.exit_code == 0 and "stored" in result.output and "4" in result.output
    refused = cli("query", "--sql", "DELETE FROM articles", "--db", str(store_path))
    assert refused.exit_code == 2 and "SELECT" in refused.output
    unknown = cli("query", "nonsense", "--db", str(store_path))
    assert unknown.exit_code == 2 and "dyads" in unknown.output
