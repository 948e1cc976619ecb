"""A small corpus with good and corrupt inputs, a real local Spark session, and the outputs of both engines."""
from __future__ import annotations

import importlib.util
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.batch import BatchOptions, read_table, run_local
from eventwire.cli import app
from eventwire.tables import assemble

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CODED_AT = datetime(2025, 8, 1, 12, 0, tzinfo=UTC)

HTML = """<html><head><title>Envoys meet in Doha</title>
<meta property="article:published_time" content="2025-07-24T09:00:00Z"></head>
<body><article><h1>Envoys meet in Doha</h1>
<p>Qatar hosted envoys from Israel and Hamas in Doha on Thursday. Egypt and Qatar urged both sides to return
to the negotiating table, and the United States said it would send a delegation next week.</p>
<p>Hamas accused Israel of stalling the talks, according to a statement from the group.</p>
</article></body></html>"""

RECORDS = [
    {"id": "kyiv-1", "text": "The European Union said it would send a delegation to Kyiv next week. Russia "
                             "condemned the visit and accused Brussels of prolonging the war.",
     "published": "2025-06-02", "title": "EU delegation to Kyiv"},
    "{this line is not JSON",
    {"text": "Protesters gathered outside the parliament in Nairobi on Thursday. Police fired tear gas at "
             "the crowd, and the government called for calm.", "published": "2025-06-05"},
]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """A folder of text, HTML and JSON Lines articles (one in a subfolder), with a binary and an empty file."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(EXAMPLES / "sudan-talks-walkout.txt", folder / "sudan.txt")
    (folder / "doha.html").write_text(HTML, encoding="utf8")
    (folder / "wire.jsonl").write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in RECORDS) + "\n",
                                       encoding="utf8")
    (folder / "more").mkdir()
    (folder / "more" / "cairo.txt").write_text(
        "Egypt and Qatar urged both sides to return to the negotiating table. The talks in Cairo resume on "
        "Monday, Egyptian officials said.", encoding="utf8")
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "blank.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="session")
def parquet_corpus(tmp_path_factory) -> Path:
    """A Parquet corpus: one article per row, one row without text."""
    path = tmp_path_factory.mktemp("tables") / "wire.parquet"
    rows = [record for record in RECORDS if isinstance(record, dict)]
    rows.insert(1, {"id": "empty-1", "text": "   ", "published": "2025-06-03"})
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


@pytest.fixture(scope="session")
def options() -> BatchOptions:
    return BatchOptions(coded_at=CODED_AT)


@pytest.fixture(scope="session")
def local_output(corpus, options, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("local") / "out"
    run_local(str(corpus), output, options, workers=1)
    return output


@pytest.fixture(scope="session")
def spark():
    """A real Spark session, local[2], bound to 127.0.0.1 without a web UI."""
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("PySpark is not installed (pip install 'eventwire[spark]')")
    from eventwire.batch import EngineUnavailable
    from eventwire.batch.spark import spark_session

    try:
        session = spark_session("local[2]", {"spark.driver.memory": "1g", "spark.sql.shuffle.partitions": "2"})
    except EngineUnavailable as error:
        pytest.skip(str(error))
    yield session
    session.stop()


@pytest.fixture(scope="session")
def extracted(corpus) -> list[dict]:
    """`eventwire extract` on the corpus: its JSON Lines records, sorted by id."""
    result = CliRunner().invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 1, result.stderr  # the corrupt inputs fail, the others are extracted
    records = sorted((in_id_order(json.loads(line)) for line in result.stdout.splitlines()),
                     key=lambda record: record["id"])
    assert len(records) == 5
    return records


@pytest.fixture(scope="session")
def records_of():
    """The canonical records of a batch output, rebuilt from its tables (the form `extracted` has)."""

    def rebuild(output: Path) -> list[dict]:
        tables = {table: read_table(output, table).to_pylist() for table in ("articles", "actors", "events", "quotes")}

        def of(table: str, article_id: str) -> list[dict]:
            return [row for row in tables[table] if row["article_id"] == article_id]

        records = (assemble(article, *(of(table, article["article_id"]) for table in ("actors", "events", "quotes")))
                   for article in tables["articles"])
        return sorted((in_id_order(record) for record in records), key=lambda record: record["id"])

    return rebuild


def in_id_order(record: dict) -> dict:
    """A record with its actors, events and quotes sorted by id (tables keep no row order)."""
    return {**record, **{layer: sorted(record[layer], key=lambda item: item["id"])
                         for layer in ("actors", "events", "quotes")}}
