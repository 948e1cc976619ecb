"""End-to-end throughput of `eventwire ingest` on real articles, against the bare spaCy pipeline.

Reads N PolNeAR news texts (about 800 words each) from ../shared/data/polnear and prints:
- articles/s of the bundled spaCy pipeline alone (`nlp.pipe` in its own process, pipeline loaded, batched as
  extraction batches it): the baseline;
- articles/s of `eventwire ingest` (read, extract, store in a new DuckDB file) with 1 and 2 workers, each run
  as its own process: overall (with start-up: loading the pipeline and knowledge base, starting workers) and
  steady (from the first stored batch to the last), with the ratios to the baseline and between workers;
- peak resident memory of the largest process of each run (with 2 workers: a worker, or the parent);
- articles/s per core end to end.
Ingest runs as installed: attributions by the rules alone. Where the optional attribution tagger has been built
on this machine (training/train_attributions.sh), a last run with one worker measures it too.

    python benchmarks/throughput_benchmark.py [--limit 60] [--folder DIR]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "data"
BATCH = 8


def ingest_run(files: list[Path], workers: int, tagger: bool = False) -> tuple[float, float, float]:
    """Run `eventwire ingest` on the files in a new process, as installed (rules alone for attributions),
    or with the attribution tagger built on this machine.

    RETURNS (tuple): overall articles/s, steady articles/s, peak RSS of its largest process in MiB.
    """
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "eventwire", "ingest", *map(str, files), "--db", f"{folder}/bench.duckdb",
                   "--workers", str(workers), "--batch-size", str(BATCH), "--verbose", "--no-progress"]
        environment = dict(os.environ)
        if not tagger:
            environment["EVENTWIRE_ATTRIBUTION_MODEL"] = folder  # no tagger there: the installed package's rules
        start = time.perf_counter()
        process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                                   env=environment)
        commits = []  # (seconds, articles stored so far)
        for line in process.stderr:
            if line.startswith("committed: stored"):
                commits.append((time.perf_counter(), int(line.split()[2].rstrip(","))))
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        end = time.perf_counter()
    if process.returncode != 0 or not commits or commits[-1][1] != len(files):
        raise SystemExit(f"ingest with {workers} worker(s) failed (exit {process.returncode}, {commits[-1:]})")
    (first_time, first_stored), (last_time, last_stored) = commits[0], commits[-1]
    steady = (last_stored - first_stored) / (last_time - first_time) if last_time > first_time else float("nan")
    return len(files) / (end - start), steady, usage.ru_maxrss / 1024


def bare_run(files: list[Path]) -> tuple[float, float]:
    """Time `nlp.pipe` over the texts in a new process (pipeline loaded and warmed up first), so the memory
    it takes is not counted in the ingest runs. RETURNS (tuple): articles/s, peak RSS in MiB."""
    process = subprocess.Popen([sys.executable, __file__, "--bare", *map(str, files)], stdout=subprocess.PIPE,
                               text=True)
    output = process.communicate()[0]
    return float(output.split()[0]), float(output.split()[1])


def bare_pipeline(files: list[Path]) -> None:
    """Print the articles/s of the bare pipeline over the files, and this process's peak RSS in MiB."""
    import resource

    from eventwire.engine.extract import parse_in_batches
    from eventwire.nlp import load_pipeline

    texts = [f.read_text(encoding="utf8") for f in files]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    for _ in parse_in_batches(nlp, texts):  # batched as extraction batches them
        pass
    print(len(texts) / (time.perf_counter() - start), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=60, help="articles to run (default 60)")
    parser.add_argument("--folder", type=Path, default=POLNEAR, help="folder searched for *.txt articles")
    parser.add_argument("--bare", nargs="+", type=Path, help=argparse.SUPPRESS)  # the baseline's own process
    args = parser.parse_args()
    if args.bare:
        return bare_pipeline(args.bare)
    files = sorted(args.folder.rglob("*.txt"))[:args.limit]
    if not files:
        raise SystemExit(f"no .txt articles under {args.folder} (the shared data folder is needed)")
    texts = [f.read_text(encoding="utf8") for f in files]
    words = sum(len(text.split()) for text in texts) / len(texts)
    print(f"articles: {len(files)} from {args.folder} ({words:.0f} words each on average); "
          f"cores: {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.1f}")

    bare, bare_peak = bare_run(files)
    print(f"bare spaCy pipeline (nlp.pipe, 1 process): {bare:.2f} articles/s; peak memory {bare_peak:.0f} MiB")

    rates = {}
    for workers in (1, 2):
        overall, steady, peak = ingest_run(files, workers)
        rates[workers] = steady
        print(f"ingest, {workers} worker(s): {overall:.2f} articles/s overall, {steady:.2f} steady "
              f"({steady / bare:.2f}x the bare pipeline's rate); peak memory of its largest process {peak:.0f} MiB")
    print(f"2 workers / 1 worker (steady): {rates[2] / rates[1]:.2f}x; time per article, 1 worker / bare "
          f"pipeline: {bare / rates[1]:.2f}x")
    cores = min(2, len(os.sched_getaffinity(0)))
    print(f"per core, end to end: {rates[1]:.2f} articles/s with 1 worker, {rates[2] / cores:.2f} with 2 workers on "
          f"{cores} cores")
    from eventwire.quotes.learned import model_path, tagger_built

    if tagger_built(model_path()):  # the optional tagger (training/train_attributions.sh) runs a second model
        overall, steady, peak = ingest_run(files, 1, tagger=True)
        print(f"with the attribution tagger built on this machine, 1 worker: {steady:.2f} articles/s steady "
              f"(time per article {bare / steady:.2f}x the bare pipeline's); peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
