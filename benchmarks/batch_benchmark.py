"""Spark batch extraction on the PolNeAR texts: throughput with local[1] and local[2], and the cost per
article at 1,000 and 10,000 articles (the texts repeated to get there).

    python benchmarks/batch_benchmark.py              # the full run (tens of minutes on two cores)
    python benchmarks/batch_benchmark.py --scale 0.1  # every corpus ten times smaller

Targets: local[2] at least 1.6 times the throughput of local[1]; the cost per article at 10,000 articles
within 10% of the cost at 1,000. Times are wall-clock seconds of `run_spark`, from reading the corpus to the
last table written, with a fresh Spark session (and so fresh Python workers, each loading the pipeline) for
every run. A run over a handful of articles, in the same session of the benchmark, measures the fixed cost of
a job (workers loading the pipeline, planning, one write per table); the cost per article is printed with it
and net of it. Needs PySpark, a Java runtime and the shared data beside the checkout (../shared/data).
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from eventwire.batch import BatchOptions
from eventwire.batch.spark import run_spark, spark_session

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
SHARD_SIZE = 250  # articles per JSON Lines file of the generated corpus
FIXED_COST_ARTICLES = 8  # one per partition of a local[2] run: every task and worker starts, little else


def write_corpus(texts: list[str], articles: int, folder: Path) -> Path:
    """A folder of JSON Lines shards holding `articles` articles, the texts repeated, each with its own id."""
    folder.mkdir(parents=True)
    records = ({"id": f"polnear-{n}", "text": text, "published": f"2016-10-{n % 28 + 1:02d}"}
               for n, text in enumerate(islice(cycle(texts), articles)))
    for shard in range(0, articles, SHARD_SIZE):
        lines = (json.dumps(record) + "\n" for record in islice(records, SHARD_SIZE))
        (folder / f"shard-{shard // SHARD_SIZE:05d}.jsonl").write_text("".join(lines), encoding="utf8")
    return folder


def timed_run(corpus: Path, master: str, work: Path) -> tuple[float, int]:
    """Seconds to extract `corpus` on a fresh session of `master`, and the articles coded."""
    spark = spark_session(master, {"spark.driver.memory": "2g", "spark.sql.shuffle.partitions": "8",
                                   "spark.ui.showConsoleProgress": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    try:
        start = time.perf_counter()
        summary = run_spark(spark, str(corpus), str(work / f"out-{master}-{corpus.name}"), BatchOptions())
        return time.perf_counter() - start, summary.articles
    finally:
        spark.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every corpus size by this")
    parser.add_argument("--throughput-articles", type=int, default=400,
                        help="articles in the local[1] / local[2] comparison (before --scale)")
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf8") for path in sorted(POLNEAR.rglob("text/*.txt"))]
    if not texts:
        raise SystemExit(f"no PolNeAR texts under {POLNEAR}")
    sizes = {name: max(1, round(size * args.scale)) for name, size in
             (("throughput", args.throughput_articles), ("small", 1_000), ("large", 10_000))}
    print(f"PolNeAR texts: {len(texts)}, mean {sum(map(len, texts)) / len(texts):,.0f} characters")

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        corpus = write_corpus(texts, sizes["throughput"], work / "throughput")
        rates = {}
        for master in ("local[1]", "local[2]"):
            seconds, coded = timed_run(corpus, master, work)
            rates[master] = coded / seconds
            print(f"{master}: {coded} articles in {seconds:.1f} s, {rates[master]:.2f} articles/s")
        print(f"speed-up local[2] / local[1]: {rates['local[2]'] / rates['local[1]']:.2f}x (target >= 1.6x)")

        corpus = write_corpus(texts, FIXED_COST_ARTICLES, work / "fixed")
        fixed, _ = timed_run(corpus, "local[2]", work)
        print(f"local[2], {FIXED_COST_ARTICLES} articles (the fixed cost of a job): {fixed:.1f} s")
        costs = {}
        for name in ("small", "large"):
            corpus = write_corpus(texts, sizes[name], work / name)
            seconds, coded = timed_run(corpus, "local[2]", work)
            costs[name] = (seconds / coded, (seconds - fixed) / max(1, coded - FIXED_COST_ARTICLES))
            print(f"local[2], {coded:,} articles: {seconds:.1f} s, {1000 * costs[name][0]:.1f} ms per article, "
                  f"{1000 * costs[name][1]:.1f} ms net of the fixed cost")
        ratio, net_ratio = (costs["large"][i] / costs["small"][i] for i in (0, 1))
        print(f"cost per article, {sizes['large']:,} / {sizes['small']:,} articles: {ratio:.2f}, "
              f"net of the fixed cost {net_ratio:.2f} (target: flat, 0.9-1.1)")


if __name__ == "__main__":
    main()
