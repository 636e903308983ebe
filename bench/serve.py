"""Load on `jbzgraph serve`: requests/s and p50/p95 latency of a selective library query
with 1, 8 and 32 concurrent clients, at the bundled scale and at ~1M quads.

    python bench/serve.py [--quads 1000000] [--seconds 5] [--clients 1,8,32] [--workers 2]

The server runs as `jbzgraph serve` in a process of its own on loopback; the clients are
threads of this process, each with its own keep-alive connection, sending
``GET /library/positions?source=<one letter>`` (the positions of one letter: the same rows
at both scales) for ``--seconds`` per level, at most ``--requests`` each level; then
``ASK {}``, which costs the store nothing, for what the server itself costs a request. The ~1M
quads store is the bundled letters' graphs copied under new letter IRIs and file names
(bench/synthetic.py), bulk-loaded beside the ontology and KB. The clients share the
machine's cores with the server, as a notebook on the same machine would.
"""

import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
LETTERS = ROOT / "data" / "letters"
LETTER = "2025-12-17_verslag-jbz-raad.txt"


def bundled_store(folder: Path) -> Path:
    from jbzgraph.pipeline import build
    from jbzgraph.store import open_store

    path = folder / "bundled"
    store = open_store(path)
    assert build([LETTERS], store).failed == []
    store.finish()
    return path


def synthetic_store(bundled: Path, quads: int, folder: Path) -> tuple[Path, str]:
    """The bundled letters' graphs copied until ``quads``, bulk-loaded; and the file name
    of the first copy of LETTER."""
    import pyoxigraph as ox

    from synthetic import LETTER_GRAPHS, write_synthetic
    from jbzgraph.pipeline import load_vocabulary
    from jbzgraph.store import open_store

    source = open_store(bundled, read_only=True)
    seeds = []
    for graph in source.graphs():
        if graph.startswith(LETTER_GRAPHS):
            _, rows = source.select(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?l <https://w3id.org/jbzgraph/ontology#source> ?s }} }}")
            body = ox.serialize(source.graph_quads(graph), format=ox.RdfFormat.N_QUADS).decode()
            seeds.append((rows[0]["s"].value, graph.removeprefix(LETTER_GRAPHS), body))
    del source
    out = folder / "synthetic.nq"
    _, _, firsts = write_synthetic(seeds, quads, out)
    path = folder / "synthetic"
    store = open_store(path)
    load_vocabulary(store)
    store.store.bulk_load(path=str(out), format=ox.RdfFormat.N_QUADS)
    store.compact()
    del store
    return path, next(f for f in firsts if f.endswith(LETTER))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "jbzgraph.cli", "serve", "--store", str(store), "--port", str(port),
                               "--workers", str(workers), "--timeout", "30", "--log-level", "warning"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/sparql?query=ASK%7B%7D")
            if connection.getresponse().status == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def level(port: int, path: str, clients: int, seconds: float, requests: int) -> dict:
    """``clients`` threads sending ``path`` until ``seconds`` pass or ``requests`` are sent."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            with lock:
                if len(latencies) + errors[0] >= requests:
                    return
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            response.read()
            took = time.perf_counter() - started
            with lock:
                if response.status == 200:
                    latencies.append(took)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()
    return {"clients": clients, "requests": len(latencies), "errors": errors[0], "rps": len(latencies) / wall,
            "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]}


def measure(store: Path, source: str, args) -> list[dict]:
    """Each level for the selective query, then for ``ASK {}`` (what the server itself costs)."""
    server, port = start_server(store, args.workers)
    paths = {"positions?source": "/library/positions?" + urlencode({"source": source}),
             "ASK {}": "/sparql?" + urlencode({"query": "ASK {}"})}
    try:
        results = []
        for name, path in paths.items():
            level(port, path, 4, 1.0, 200)  # warm up caches and connections
            results += [{"query": name, **level(port, path, n, args.seconds, args.requests)} for n in args.clients]
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=1_000_000, help="size of the large store (0: skip it)")
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per concurrency level")
    parser.add_argument("--requests", type=int, default=20_000, help="requests per level at most")
    parser.add_argument("--clients", type=lambda s: [int(x) for x in s.split(",")], default=[1, 8, 32])
    parser.add_argument("--workers", type=int, default=2, help="the server's query workers")
    args = parser.parse_args()
    from jbzgraph.store import open_store

    rows = []
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        t = time.perf_counter()
        bundled = bundled_store(Path(tmp))
        stores = [("bundled", bundled, LETTER)]
        print(f"built the bundled letters in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        if args.quads:
            t = time.perf_counter()
            big, first = synthetic_store(bundled, args.quads, Path(tmp))
            stores.append(("synthetic", big, first))
            print(f"made the synthetic store in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        for name, path, source in stores:
            quads = len(open_store(path, read_only=True))
            for result in measure(path, source, args):
                rows.append({"store": name, "quads": quads, **result})
                print(f"measured {name}: {result['query']} with {result['clients']} clients", file=sys.stderr)
    print("| store | quads | query | clients | requests | errors | requests/s | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['store']} | {r['quads']:,} | `{r['query']}` | {r['clients']} | {r['requests']} | {r['errors']} | "
              f"{r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")


if __name__ == "__main__":
    main()
