"""The jbzgraph benchmark: build throughput against the tokenizer floor, per-step time,
peak memory, parallel speed-up, and query latency against rdflib in memory.

    python bench/run.py [--sizes 5,100,1000] [--jobs 2] [--queries-at 100] [--out bench/results.json]

Corpora larger than the five bundled letters are made by varying them (country names,
dates, numbers, file names), so no cache can recognise a letter it has seen. Every size is
measured in a fresh process, so peak RSS is that size's own.
"""

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LETTERS = ROOT / "data" / "letters"
FLOOR_CHUNK = 50  # letters tokenized for the floor right before the build takes them
STEPS = ("ingest", "layout", "nlp", "extract", "rdf", "shacl", "store")
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def make_corpus(n: int, folder: Path, seed: int = 1) -> list[Path]:
    """``n`` letters made from the bundled ones, each varied so it is a letter of its own."""
    from jbzgraph.kb import load_kb

    rng = random.Random(seed)
    states = [e.label("nl") for e in load_kb().of_kind("member_state")]
    originals = sorted(LETTERS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text = texts[i % len(texts)]
        if i >= len(texts):
            swap = dict(zip(rng.sample(states, 6), rng.sample(states, 6)))
            text = re.sub("|".join(map(re.escape, swap)), lambda m: swap[m.group(0)], text)
            text = re.sub(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b",
                          lambda m: f"{rng.randint(1, 28)} {rng.choice(MONTHS)}", text)
            text = re.sub(r"\b(\d{3,4})\b(?![/-])", lambda m: str(rng.randint(100, 9999)), text)
        path = folder / f"{i:05d}_{originals[i % len(originals)].name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def floor_seconds(nlp, paths: list[Path]) -> float:
    """The same texts through ``spacy.blank("nl")``'s tokenizer alone: nothing can be faster."""
    texts = [p.read_text(encoding="utf-8") for p in paths]
    start = time.perf_counter()
    for doc in nlp.tokenizer.pipe(texts, batch_size=32):
        len(doc)
    return time.perf_counter() - start


def serial_build(paths: list[Path], validate: bool) -> dict:
    """The pipeline's steps one by one with a timer each, into a fresh store; and the floor.

    This machine's speed drifts by 10% and more over minutes, so the floor is not timed once
    before the build: each chunk of letters goes through the tokenizer alone right before the
    build takes it, and the ratio compares time spent in the same minutes.
    """
    import spacy

    from jbzgraph.extract import extract
    from jbzgraph.ingest import read_letter
    from jbzgraph.kb import load_kb
    from jbzgraph.layout import parse_layout
    from jbzgraph.nlp import analyse, default_nlp
    from jbzgraph.pipeline import load_vocabulary, warm_up
    from jbzgraph.rdf import extraction_quads
    from jbzgraph.store import open_store
    from jbzgraph.validate.compiled import check_quads

    warm_up()
    kb, nlp, blank = load_kb(), default_nlp(), spacy.blank("nl")
    steps = dict.fromkeys(STEPS, 0.0)
    floor = 0.0
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        store = open_store(Path(tmp) / "store")
        load_vocabulary(store)
        started = time.perf_counter()
        for i, path in enumerate(paths):
            if i % FLOOR_CHUNK == 0:
                floor += floor_seconds(blank, paths[i:i + FLOOR_CHUNK])
            t = time.perf_counter()
            letter = read_letter(path)
            steps["ingest"] += (t2 := time.perf_counter()) - t
            document = parse_layout(letter)
            steps["layout"] += (t3 := time.perf_counter()) - t2
            analysis = analyse(document, nlp, kb)
            steps["nlp"] += (t4 := time.perf_counter()) - t3
            extraction = extract(document, analysis, kb)
            steps["extract"] += (t5 := time.perf_counter()) - t4
            graph, quads = extraction_quads(extraction, kb)
            steps["rdf"] += (t6 := time.perf_counter()) - t5
            if validate:
                check_quads(quads)
            steps["shacl"] += (t7 := time.perf_counter()) - t6
            store.replace_graph(graph, quads)
            steps["store"] += time.perf_counter() - t7
        t = time.perf_counter()
        store.finish()
        steps["store"] += time.perf_counter() - t
        total = time.perf_counter() - started - floor
        triples = len(store)
        del store  # closes the store before its folder goes
    return {"seconds": total, "steps": steps, "quads": triples, "floor_seconds": floor}


def parallel_build(paths: list[Path], jobs: int, validate: bool) -> float:
    from jbzgraph.pipeline import build
    from jbzgraph.store import open_store

    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        store = open_store(Path(tmp) / "store")
        started = time.perf_counter()
        report = build(paths, store, validate=validate, jobs=jobs)
        seconds = time.perf_counter() - started
        assert not report.failed, report.failed[:1]
        del store  # closes the store before its folder goes
    return seconds


def query_latency(paths: list[Path], repeats: int = 5, budget: float = 300) -> dict:
    """Median seconds per library query: embedded store, rdflib's in-memory Dataset, and the
    Virtuoso server the store is published to, when Virtuoso is installed here."""
    import pyoxigraph as ox
    import rdflib

    from synthetic import time_query
    from jbzgraph.pipeline import build
    from jbzgraph.query import list_queries, load_query
    from jbzgraph.store import open_store

    results = {}
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        store = open_store(Path(tmp) / "store")
        build(paths, store, validate=False, jobs=2)
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(data=ox.serialize(store.store, format=ox.RdfFormat.N_QUADS), format="nquads")
        engines = {"oxigraph": lambda q, s=store: s.select(q), "rdflib": lambda q, d=dataset: list(d.query(q))}
        server = published(store, Path(tmp) / "virtuoso")
        if server:
            from jbzgraph.publish import RemoteStore

            engines["virtuoso"] = lambda q, r=RemoteStore(server.endpoint): r.select(q)
        try:
            for name in list_queries():
                sparql = load_query(name)
                timings: dict = {}
                for engine, run in engines.items():
                    timed = time_query(lambda q=sparql, r=run: r(q),
                                       repeats if engine != "rdflib" else max(1, repeats // 2), budget)
                    timings[engine] = timed["seconds"]
                    if "error" in timed:
                        timings[f"{engine}_error"] = timed["error"]
                ok = timings.get("oxigraph") and timings.get("rdflib")
                timings["ratio"] = timings["rdflib"] / timings["oxigraph"] if ok else None
                results[name] = timings
        finally:
            if server:
                server.stop()
        results["_quads"] = len(store)
        del store, dataset
    return results


def published(store, folder: Path):
    """A Virtuoso server on loopback holding the store, or None when Virtuoso is not installed."""
    from tests import virtuoso

    if not virtuoso.available():
        return None
    from jbzgraph.publish import publish

    server = virtuoso.start(folder)
    os.environ["JBZGRAPH_SPARQL_USER"], os.environ["JBZGRAPH_SPARQL_PASSWORD"] = virtuoso.USER, virtuoso.PASSWORD
    publish(store, server.endpoint)
    return server


def make_synthetic(triples: int, rdflib_triples: int, folder: Path, seeds: int = 100) -> dict:
    """The big N-Quads file, a smaller one rdflib can hold, and the query cases for both
    (see bench/synthetic.py)."""
    from synthetic import pick_cases, seed_graphs, write_synthetic
    from jbzgraph.query import list_queries, run_query
    from jbzgraph.store import open_store

    paths = make_corpus(seeds, folder / "letters")
    graphs = seed_graphs(paths, folder / "seed-store")
    seed_store = open_store(folder / "seed-store", read_only=True)
    seed_rows = {q: run_query(seed_store, q) for q in list_queries()}
    del seed_store
    out, small = folder / "synthetic.nq", folder / "synthetic-small.nq"
    letters, written, firsts = write_synthetic(graphs, triples, out)
    small_letters, small_written, _ = write_synthetic(graphs, rdflib_triples, small)
    return {"files": {"large": str(out), "small": str(small)}, "letters": {"large": letters, "small": small_letters},
            "letter_triples": {"large": written, "small": small_written}, "cases": pick_cases(seed_rows, firsts)}


def _cases(spec: dict) -> list[tuple[str, str, dict]]:
    from synthetic import AGGREGATIONS
    from jbzgraph.query import list_queries

    return [tuple(c) for c in spec["cases"]] + [("listing", q, {}) for q in list_queries() if q not in AGGREGATIONS]


def synthetic_oxigraph(spec: dict, size: str, repeats: int, budget: float) -> dict:
    """Bulk-load the synthetic file into a fresh on-disk store and time every case."""
    import pyoxigraph as ox

    from synthetic import peak_rss_mb, time_query
    from jbzgraph.pipeline import load_vocabulary
    from jbzgraph.query import run_query
    from jbzgraph.store import open_store

    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        store = open_store(Path(tmp) / "store")
        load_vocabulary(store)
        t = time.perf_counter()
        store.store.bulk_load(path=spec["files"][size], format=ox.RdfFormat.N_QUADS)
        store.flush()
        load_seconds = time.perf_counter() - t
        store.compact()  # what EmbeddedStore.finish does after a large batch
        result = {"quads": len(store), "load_seconds": load_seconds,
                  "compact_seconds": time.perf_counter() - t - load_seconds}

        def timed(on) -> list[dict]:
            return [{"group": group, "query": name, "params": given,
                     **time_query(lambda: len(run_query(on, name, given)[1]), repeats, budget)}
                    for group, name, given in _cases(spec)]

        result["queries"] = timed(store)
        if size == "small":
            t = time.perf_counter()
            copy = store.in_memory()
            result["memory"] = {"copy_seconds": time.perf_counter() - t, "queries": timed(copy)}
            del copy
        result["peak_rss_mb"] = peak_rss_mb()
        del store  # closes the store before its folder goes
    return result


def synthetic_rdflib(spec: dict, size: str, repeats: int, budget: float) -> dict:
    """The same file, cases and query texts in rdflib's in-memory Dataset."""
    import pyoxigraph as ox
    import rdflib

    from synthetic import peak_rss_mb, time_query
    from jbzgraph.query import bound_query, load_query
    from jbzgraph.rdf import kb_quads

    dataset = rdflib.Dataset(default_union=True)
    t = time.perf_counter()
    dataset.parse(data=ox.serialize(kb_quads(), format=ox.RdfFormat.N_QUADS).decode(), format="nquads")
    dataset.parse(spec["files"][size], format="nquads")
    result = {"quads": len(dataset), "load_seconds": time.perf_counter() - t, "queries": []}
    for group, name, given in _cases(spec):
        sparql = bound_query(name, load_query(name), given)
        timing = time_query(lambda: len(list(dataset.query(sparql))), repeats, budget)
        result["queries"].append({"group": group, "query": name, "params": given, **timing})
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def measure_size(n: int, jobs: int, validate: bool) -> dict:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        paths = make_corpus(n, Path(tmp) / "letters")
        n_words = words(paths)
        serial = serial_build(paths, validate)
        floor = serial["floor_seconds"]
        parallel = parallel_build(paths, jobs, validate) if jobs > 1 else None
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "letters": n, "words": n_words, "validate": validate, "floor_seconds": floor,
        "build_seconds": serial["seconds"], "steps": serial["steps"], "quads": serial["quads"],
        "words_per_second": n_words / serial["seconds"], "letters_per_second": n / serial["seconds"],
        "ratio_to_floor": serial["seconds"] / floor if floor else None,
        "jobs": jobs, "parallel_seconds": parallel,
        "speedup": serial["seconds"] / parallel if parallel else None, "peak_rss_mb": rss_mb,
    }


def in_child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _seconds(q: dict | None) -> str:
    if not q:
        return "–"
    return f"{q['seconds']:.3f}" if q.get("seconds") is not None else q.get("error", "–")


def synthetic_table(syn: dict) -> str:
    """Per case: oxigraph on the large graph; oxigraph and rdflib on the small one."""
    large, small, theirs = syn["oxigraph_large"], syn.get("oxigraph_small"), syn.get("rdflib_small")

    def keyed(run):
        return {(q["query"], json.dumps(q["params"], sort_keys=True)): q for q in (run or {}).get("queries", [])}

    memory = (small or {}).get("memory")
    lines = [f"Synthetic graphs: large {large['quads']} quads, bulk-loaded in {large['load_seconds']:.0f} s, "
             f"compacted in {large.get('compact_seconds', 0):.0f} s (peak RSS {large['peak_rss_mb']:.0f} MB)"]
    if small and theirs:
        lines.append(f"small {small['quads']} quads: oxigraph bulk load {small['load_seconds']:.0f} s; rdflib parse "
                     f"{theirs['load_seconds']:.0f} s, peak RSS {theirs['peak_rss_mb']:.0f} MB")
    if memory:
        lines.append(f"small in memory: copied from the store (EmbeddedStore.in_memory) in {memory['copy_seconds']:.0f} s")
    lines += ["", "| group | query | parameters | rows (large) | oxigraph large s | oxigraph small s | rdflib small s | "
                  "rdflib/oxigraph (small) | oxigraph small in memory s | rdflib/in memory |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    small_by, theirs_by, memory_by = keyed(small), keyed(theirs), keyed(memory)

    def ratio(other, mine):
        return (f"{other['seconds'] / mine['seconds']:.0f}×"
                if other and mine and other.get("seconds") and mine.get("seconds") else "–")

    for q in large["queries"]:
        key = (q["query"], json.dumps(q["params"], sort_keys=True))
        mine, other, held = small_by.get(key), theirs_by.get(key), memory_by.get(key)
        params = ", ".join(f"{k}={v.rsplit('/', 1)[-1]}" for k, v in q["params"].items())
        lines.append(f"| {q['group']} | {q['query']} | {params} | {q.get('rows', '')} | {_seconds(q)} | "
                     f"{_seconds(mine)} | {_seconds(other)} | {ratio(other, mine)} | {_seconds(held)} | "
                     f"{ratio(other, held)} |")
    return "\n".join(lines)


def table(results: dict) -> str:
    lines = ["| letters | words | floor s | build s | ×floor | words/s | letters/s | "
             + " | ".join(f"{s} s" for s in STEPS) + " | 2 procs s | speed-up | peak RSS MB |",
             "|" + "---|" * (11 + len(STEPS) - 1)]
    for r in results["builds"]:
        lines.append(f"| {r['letters']} | {r['words']} | {r['floor_seconds']:.2f} | {r['build_seconds']:.2f} | "
                     f"{r['ratio_to_floor']:.1f} | {r['words_per_second']:.0f} | {r['letters_per_second']:.1f} | "
                     + " | ".join(f"{r['steps'][s]:.2f}" for s in STEPS)
                     + f" | {r['parallel_seconds'] or 0:.2f} | {r['speedup'] or 0:.2f} | {r['peak_rss_mb']:.0f} |")
    q = results.get("queries")
    if q:
        lines += ["", f"Query latency, median seconds, {q['_quads']} quads:", "",
                  "| query | oxigraph | rdflib | rdflib/oxigraph | Virtuoso (published) |", "|---|---|---|---|---|"]
        for name, t in q.items():
            if name.startswith("_"):
                continue
            cells = {e: f"{t[e]:.4f}" if t.get(e) is not None else
                     (f"fails ({t.get(f'{e}_error', '')})" if f"{e}_error" in t else "not installed")
                     for e in ("rdflib", "virtuoso")}
            ratio = f"{t['ratio']:.0f}×" if t.get("ratio") else "–"
            lines.append(f"| {name} | {t['oxigraph']:.4f} | {cells['rdflib']} | {ratio} | {cells['virtuoso']} |")
    syn = results.get("synthetic")
    if syn:
        lines += ["", synthetic_table(syn)]
    return "\n".join(lines)


def synthetic(args: argparse.Namespace) -> dict:
    """Make the synthetic graphs once, then time them in a child per engine and size (so
    that each peak RSS is its own): oxigraph on the large graph, and oxigraph and rdflib
    side by side on the small one."""
    common = ["--synthetic", str(args.synthetic), "--rdflib-triples", str(args.rdflib_triples), "--budget", str(args.budget)]
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        spec = in_child([*common, "--synthetic-make", tmp])
        spec_file = Path(tmp) / "spec.json"
        spec_file.write_text(json.dumps(spec), encoding="utf-8")
        print(f"made {spec['letter_triples']} letter triples", file=sys.stderr)
        result = {"letters": spec["letters"], "letter_triples": spec["letter_triples"]}
        runs = [("oxigraph", "large")] + ([("oxigraph", "small"), ("rdflib", "small")] if args.rdflib_triples else [])
        for engine, size in runs:
            result[f"{engine}_{size}"] = in_child([*common, "--synthetic-engine", engine, "--size", size,
                                                   "--spec", str(spec_file)])
            print(f"measured {engine} on the {size} synthetic graph", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,100")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-validate", action="store_true", help="measure without the SHACL check")
    parser.add_argument("--queries-at", type=int, default=100, help="corpus size for the query latencies (0: skip)")
    parser.add_argument("--synthetic", type=int, default=10_000_000,
                        help="triples in the synthetic graph for the query latencies at scale (0: skip)")
    parser.add_argument("--rdflib-triples", type=int, default=1_000_000,
                        help="triples of the synthetic graph rdflib and oxigraph are compared on (0: skip rdflib)")
    parser.add_argument("--budget", type=float, default=120, help="seconds a single query run may take")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--queries", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--synthetic-make", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--synthetic-engine", choices=["oxigraph", "rdflib"], help=argparse.SUPPRESS)
    parser.add_argument("--size", choices=["large", "small"], help=argparse.SUPPRESS)
    parser.add_argument("--spec", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.synthetic_make:
        print(json.dumps(make_synthetic(args.synthetic, args.rdflib_triples, args.synthetic_make)))
        return
    if args.synthetic_engine:
        spec = json.loads(args.spec.read_text(encoding="utf-8"))
        run = synthetic_oxigraph if args.synthetic_engine == "oxigraph" else synthetic_rdflib
        print(json.dumps(run(spec, args.size, repeats=5 if args.synthetic_engine == "oxigraph" else 3, budget=args.budget)))
        return
    if args.one is not None:
        print(json.dumps(measure_size(args.one, args.jobs, not args.no_validate)))
        return
    if args.queries is not None:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(query_latency(make_corpus(args.queries, Path(tmp) / "letters"))))
        return
    machine = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}
    results = {"machine": machine, "builds": []}
    for n in (int(x) for x in args.sizes.split(",")):
        extra = ["--no-validate"] if args.no_validate else []
        results["builds"].append(in_child(["--one", str(n), "--jobs", str(args.jobs), *extra]))
        print(f"measured {n} letters", file=sys.stderr)
    if args.queries_at:
        results["queries"] = in_child(["--queries", str(args.queries_at)])
        print(f"measured queries at {args.queries_at} letters", file=sys.stderr)
    if args.synthetic:
        results["synthetic"] = synthetic(args)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"machine: {machine}")
    print(table(results))


if __name__ == "__main__":
    main()
