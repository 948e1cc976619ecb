"""Load test of the JSON API: concurrent clients against a real `eventwire serve` on loopback.

Prints requests per second, median and 99th percentile latency and the error count for a mix of API calls
(filtered and paginated events, actors, quotes, counts, timeline, network, one article), and for a static
file served by the same server under the same load, as the baseline measured in this run.

    python benchmarks/api_benchmark.py                     # a store built from the example articles
    python benchmarks/api_benchmark.py --db eventwire.duckdb --clients 20 --seconds 20
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [(ROOT / "examples" / "sudan-talks-walkout.txt", "2025-03-04"),
            (ROOT.parent / "shared" / "examples" / "gaza-talks-collapse.txt", "2025-07-25")]


def build_store(path: Path) -> None:
    """Ingest the example articles into a new store at `path`, with the CLI."""
    for article, day in EXAMPLES:
        if article.exists():
            subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(article), "--date", day, "--db",
                            str(path), "--quiet", "--no-progress"], check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api_paths(client: httpx.Client) -> list[str]:
    """The mix of API calls, with actor keys and an article id taken from the store."""
    actors = [a["key"] for a in client.get("/api/actors", params={"limit": 5}).json()["items"]]
    article = client.get("/api/articles", params={"limit": 1}).json()["items"][0]["article_id"]
    paths = ["/api/events", "/api/events?limit=10&offset=10", "/api/events?quad_class=3", "/api/events?q=talks",
             "/api/events?since=2025-01-01&until=2025-12-31", "/api/actors", "/api/quotes?limit=20", "/api/counts",
             "/api/network", f"/api/articles/{article}", "/api/articles"]
    for key in actors:
        paths += [f"/api/events?actor={key}", f"/api/timeline?actor={key}"]
    if len(actors) > 1:
        paths.append(f"/api/events?source={actors[0]}&target={actors[1]}")
    return paths


async def load(base: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], int, float]:
    """`clients` tasks, each sending one request after another, cycling through `paths`, for `seconds`.
    RETURNS (tuple): latencies in seconds of the answered requests, the number of errors, the elapsed time."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client_loop(client: httpx.AsyncClient, offset: int) -> None:
        nonlocal errors
        for path in itertools.islice(itertools.cycle(paths), offset, None):
            if time.perf_counter() >= deadline:
                return
            started = time.perf_counter()
            try:
                answer = await client.get(path)
                if answer.status_code != 200:
                    errors += 1
                    continue
            except httpx.HTTPError:
                errors += 1
                continue
            latencies.append(time.perf_counter() - started)

    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        await asyncio.gather(*(client_loop(client, n) for n in range(clients)))
    return latencies, errors, time.perf_counter() - start


def report(name: str, latencies: list[float], errors: int, elapsed: float) -> float:
    rate = len(latencies) / elapsed
    p99 = statistics.quantiles(latencies, n=100)[98] if len(latencies) >= 2 else float("nan")
    print(f"{name:8} {len(latencies):7d} requests  {rate:8.1f} req/s  median {statistics.median(latencies) * 1000:6.1f} ms"
          f"  p99 {p99 * 1000:6.1f} ms  errors {errors}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="An existing store (default: a new one from the example articles).")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0, help="Duration of each of the two runs.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "bench.duckdb")
        if not args.db:
            build_store(Path(db))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", db, "--port", str(port)],
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=5) as probe:
                for _ in range(300):
                    try:
                        probe.get("/api/counts")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                paths = api_paths(probe)
                counts = probe.get("/api/counts").json()["tables"]
            print(f"store: {counts['articles']} articles, {counts['events']} events; {args.clients} clients, "
                  f"{args.seconds:.0f} s per run, {len(paths)} API calls in the mix; one server process")
            api = report("api", *asyncio.run(load(base, paths, args.clients, args.seconds)))
            static = report("static", *asyncio.run(load(base, ["/static/style.css"], args.clients, args.seconds)))
            print(f"api / static file throughput: {api / static:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
