"""The Spark engine: the extraction of `eventwire extract`, run inside Spark executors.

Spark reads the corpus (its binaryFile source for folders of text, HTML and JSON Lines files, its Parquet
reader for Parquet corpora; local paths or any Hadoop-compatible URI). Executors turn each file or row into
articles with the checks of `eventwire.ingest`, the articles are spread evenly over `partitions`, and each
Python worker process loads the pipeline and knowledge base once (one `Extractor`, kept for the life of the
process) and analyses its partitions Arrow batch by Arrow batch (`mapInArrow`). Every result becomes the rows
of `eventwire.batch.layout`, which Spark writes partitioned by publication date; an input that cannot be
analysed becomes a row of the error table and never fails a task.

This is the only module that imports PySpark (`pip install 'eventwire[spark]'`).
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import partial
from typing import Any

import pyarrow as pa

from eventwire.actors.sources import ActorSources
from eventwire.batch.inputs import ARTICLE_COLUMNS, ARTICLE_SUFFIXES, input_name, is_parquet, read_content, read_row
from eventwire.batch.layout import ERRORS, PARTITION, TABLES, output_schema, result_rows
from eventwire.batch.options import BatchOptions, BatchSummary, EngineUnavailable
from eventwire.engine.extract import batched
from eventwire.engine.extract import process_extractor as extractor_for  # one pipeline per worker process
from eventwire.errors import InputWarning
from eventwire.ingest import IngestOptions
from eventwire.ingest.readers import ReadResult
from eventwire.model import Article

try:
    from pyspark import StorageLevel
    from pyspark.errors import PySparkRuntimeError
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema
except ImportError as error:
    raise EngineUnavailable("the Spark engine needs PySpark: pip install 'eventwire[spark]'") from error

# An article between reading and extraction: its fields, or the error that stopped it.
READ = pa.schema([("origin", pa.string()), ("id", pa.string()), ("title", pa.string()), ("url", pa.string()),
                  ("source", pa.string()), ("author", pa.string()), ("published", pa.date32()),
                  ("text", pa.string()), ("error", pa.struct(list(ERRORS)))])
# The rows one input adds to each output table.
RESULT = pa.schema([(table, pa.list_(pa.struct(list(output_schema(table))))) for table in TABLES])
ARROW_BATCH_ROWS = 256  # files or articles per Arrow batch handed to a Python worker (Spark's default: 10,000)
RESULTS_PER_BATCH = 64  # articles analysed, and results handed back to Spark, at a time
LOCAL_DEFAULTS = {"spark.ui.enabled": "false", "spark.driver.host": "127.0.0.1",
                  "spark.driver.bindAddress": "127.0.0.1", "spark.pyspark.python": sys.executable}


def spark_session(master: str | None = None, config: dict[str, str] | None = None) -> SparkSession:
    """The Spark session of a batch run. Under `spark-submit`, the submitted master and settings apply;
    otherwise `master` (default `local[*]`), and a local master binds to 127.0.0.1 without a web UI and runs
    the executors' Python with this interpreter.

    config (dict | None): more Spark settings, e.g. {"spark.driver.memory": "2g"}.
    RAISES (EngineUnavailable): no Java runtime, or one that cannot start Spark.
    """
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise EngineUnavailable("the Spark engine needs a Java runtime (17 or later), e.g. "
                                "apt-get install default-jre-headless, or JAVA_HOME set to one")
    builder = SparkSession.builder.appName("eventwire batch")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started the JVM with its own settings
    if not submitted:
        master = master or "local[*]"
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            for key, value in LOCAL_DEFAULTS.items():
                builder = builder.config(key, value)
    if master:
        builder = builder.master(master)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except PySparkRuntimeError as error:  # the JVM did not start: a bad JAVA_HOME, a Java older than 17
        raise EngineUnavailable(f"Spark could not start its Java runtime: {error}") from error


def run_spark(spark: SparkSession, source: str, output: str, options: BatchOptions,
              partitions: int | None = None) -> BatchSummary:
    """Extract every article of `source` into the batch layout under `output` (any Hadoop-compatible URI).

    partitions (int | None): how many tasks share the articles; default 4 per core of the cluster.
    RAISES (FileNotFoundError): nothing matches `source`. (FileExistsError): `output` exists and
        `options.overwrite` is not set.
    RETURNS (BatchSummary): articles coded, events found, inputs that failed.
    """
    check_input(spark, source)
    check_output(spark, output, options.overwrite)
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH_ROWS))  # bounds the file bytes a worker holds
    spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")  # not INT96: every reader
    articles = read_articles(spark, source, options.ingest)
    articles = articles.repartition(partitions or 4 * spark.sparkContext.defaultParallelism)
    extract = partial(extract_batches, model=options.model, sources=options.sources, coded_at=options.coded_at,
                      schema=arrow_schema(spark, RESULT))
    results = articles.mapInArrow(extract, spark_schema(RESULT)).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        totals = results.select(F.sum(F.size("articles")).alias("articles"), F.sum(F.size("errors")).alias("errors"),
                                F.sum(F.size("events")).alias("events")).first()
        for table in TABLES:
            write_table(results, table, f"{output.rstrip('/')}/{table}")
    finally:
        results.unpersist()
    return BatchSummary(articles=totals["articles"] or 0, events=totals["events"] or 0, errors=totals["errors"] or 0)


def read_articles(spark: SparkSession, source: str, options: IngestOptions) -> DataFrame:
    """The articles of `source` (rows of READ), read by Spark and checked on the executors."""
    schema = spark_schema(READ)
    if is_parquet(source):
        corpus = spark.read.parquet(source)
        columns = [name for name in ARTICLE_COLUMNS if name in corpus.columns]
        rows = corpus.select(*columns, F.col("_metadata.file_path").alias("_file"),
                             F.col("_metadata.row_index").alias("_row"))
        return rows.mapInArrow(partial(read_rows, options=options, schema=arrow_schema(spark, READ)), schema)
    suffixes = ",".join(suffix[1:] for name in ARTICLE_SUFFIXES for suffix in (name, name.upper()))
    listing = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
               .option("pathGlobFilter", f"*.{{{suffixes}}}").load(source))
    empty = spark.createDataFrame([(name, bytearray()) for name in empty_files(listing)], "path string, content binary")
    files = listing.select("path", "content").unionByName(empty)
    return files.mapInArrow(partial(read_files, options=options, schema=arrow_schema(spark, READ)), schema)


def empty_files(listing: DataFrame) -> list[str]:
    """The files of a binaryFile listing that its scans leave out: Spark reads no zero-length file, but an
    empty input must still be reported. RETURNS (list[str]): their URIs."""
    scanned = {input_name(row.path) for row in listing.select("path").toLocalIterator()}
    return [name for name in listing.inputFiles() if input_name(name) not in scanned]


def read_files(batches: Iterator[pa.RecordBatch], options: IngestOptions,
               schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """Executor side: the articles in each file's bytes."""
    for batch in batches:
        yield read_batch((result for path, content in zip(batch["path"].to_pylist(), batch["content"].to_pylist())
                          for result in read_content(input_name(path), content, options)), schema)


def read_rows(batches: Iterator[pa.RecordBatch], options: IngestOptions, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """Executor side: the article in each row of a Parquet corpus."""
    for batch in batches:
        yield read_batch((result for row in batch.to_pylist()
                          for result in read_row(row, input_name(row["_file"]), row["_row"] + 1, options)), schema)


def read_batch(results: Iterable[ReadResult], schema: pa.Schema) -> pa.RecordBatch:
    """The rows of READ for what was read, warnings left out."""
    return pa.RecordBatch.from_pylist([read_result_row(result) for result in results
                                       if not isinstance(result, InputWarning)], schema=schema)


def read_result_row(result: ReadResult) -> dict[str, Any]:
    if isinstance(result, Article):
        return {name: getattr(result, name) for name in READ.names if name != "error"}
    return {"origin": result.origin, "error": result.to_dict()}


def extract_batches(batches: Iterator[pa.RecordBatch], model: str | None, sources: ActorSources,
                    coded_at: datetime, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """Executor side: the output rows of each article (RESULT), errors included."""
    for batch in batches:
        for rows in batched(batch.to_pylist(), RESULTS_PER_BATCH):
            results = [{"errors": [row["error"]]} for row in rows if row["error"]]
            articles = [Article(**{name: row[name] for name in READ.names if name != "error"})
                        for row in rows if not row["error"]]
            if articles:
                extractor = extractor_for(model, sources)
                provenance = {**extractor.provenance, "coded_at": coded_at}
                results += [result_rows(result, provenance) for result in extractor.extract(articles)]
            complete = [{table: result.get(table, []) for table in TABLES} for result in results]
            yield pa.RecordBatch.from_pylist(complete, schema=RESULT).cast(schema)


def write_table(results: DataFrame, table: str, path: str) -> None:
    """Write one output table, one file per publication date (fewer, larger files for the readers)."""
    rows = results.select(F.explode(table).alias("row")).select("row.*")
    if table == "errors":
        rows.write.parquet(path)
    else:
        rows.repartition(PARTITION).write.partitionBy(PARTITION).parquet(path)


def check_input(spark: SparkSession, source: str) -> None:
    """RAISES (FileNotFoundError): nothing matches `source` (a path, URI or glob)."""
    filesystem, path = hadoop_path(spark, source)
    if not filesystem.globStatus(path):
        raise FileNotFoundError(f"{source}: no such file or directory")


def check_output(spark: SparkSession, output: str, overwrite: bool) -> None:
    """RAISES (FileExistsError): `output` exists and may not be replaced (checked before any work)."""
    filesystem, path = hadoop_path(spark, output)
    if filesystem.exists(path):
        if not overwrite:
            raise FileExistsError(f"{output}: the output already exists (give --overwrite to replace it)")
        filesystem.delete(path, True)


def hadoop_path(spark: SparkSession, uri: str) -> tuple[Any, Any]:
    """The Hadoop FileSystem that holds `uri`, and its Path (any scheme Spark is configured for)."""
    path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), path


def spark_schema(schema: pa.Schema):
    """The Spark schema of an Arrow schema (the tables are defined once, in Arrow)."""
    return from_arrow_schema(schema, prefer_timestamp_ntz=False)


def arrow_schema(spark: SparkSession, schema: pa.Schema) -> pa.Schema:
    """The Arrow schema Spark expects back from `mapInArrow` for `schema` (its time zone and units)."""
    return to_arrow_schema(spark_schema(schema), timezone=spark.conf.get("spark.sql.session.timeZone"),
                           prefers_large_types=spark.conf.get("spark.sql.execution.arrow.useLargeVarTypes",
                                                              "false") == "true")
