"""A graph of millions of triples shaped like jbzgraph's, and the library's queries on it.

The seed is the real output of a varied corpus (``make_corpus``); each seed letter graph is
copied under a new letter IRI, graph name and file name until the size is reached, so the
big graph has exactly the shapes, statements and evidence spans of real letters, and the
same share of shared nodes (KB entities, meetings, minted instruments).

The queries come in three groups, as the issue asks:
- *selective*: one letter (``source``), one actor (``holder``), one instrument (``target``);
- *aggregations* over the whole graph (``stance_counts``, ``stages``);
- *listings*: every library query unbound, which return rows in proportion to the graph.
"""

import resource
import signal
import statistics
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from jbzgraph.namespace import GRAPH

LETTER_GRAPHS = f"{GRAPH}letter/"
AGGREGATIONS = ("stance_counts", "stages")


def seed_graphs(paths: list[Path], store_dir: Path) -> list[tuple[str, str, str]]:
    """(source, slug, N-Quads text) of each letter graph, built from ``paths``."""
    from jbzgraph.pipeline import build
    from jbzgraph.store import open_store

    store = open_store(store_dir)
    report = build(paths, store, validate=False, jobs=2)
    seeds = []
    for letter in report.built:
        slug = letter.graph.removeprefix(LETTER_GRAPHS)
        body = ox.serialize(store.graph_quads(letter.graph), format=ox.RdfFormat.N_QUADS).decode()
        seeds.append((letter.path.name, slug, body))
    del store
    return seeds


def write_synthetic(seeds: list[tuple[str, str, str]], triples: int, out: Path) -> tuple[int, int, list[str]]:
    """Copies of the seed graphs into ``out`` until ``triples`` are written; returns the
    letters and triples written and the file names of the first copy of each seed."""
    written = letters = 0
    firsts = []
    with out.open("w", encoding="utf-8") as f:
        copy = 0
        while written < triples:
            for source, slug, body in seeds:
                new_slug, new_source = f"{slug}-c{copy}", f"c{copy}-{source}"
                text = (body.replace(f"letter/{slug}>", f"letter/{new_slug}>")
                        .replace(f"letter/{slug}/", f"letter/{new_slug}/")
                        .replace(f'"{source}"', f'"{new_source}"'))
                f.write(text)
                written += text.count("\n")
                letters += 1
                if copy == 0:
                    firsts.append(new_source)
                if written >= triples:
                    break
            copy += 1
    return letters, written, firsts


def pick_cases(seed_rows: dict[str, tuple[list[str], list[list[str]]]], firsts: list[str]) -> list[tuple[str, str, dict]]:
    """(group, query, parameters): the selective ones bind one letter (for every query that
    takes a ``source``: the first letter with rows for it), and the rarest holder and
    instrument of the seed corpus, so they select a small part of the big graph."""
    from jbzgraph.query import load_query, parameters

    def column(query, name):
        columns, rows = seed_rows[query]
        return [r[columns.index(name)] for r in rows]

    cases = []
    for query in seed_rows:
        if "source" in {p.name for p in parameters(load_query(query))}:
            with_rows = set(column(query, "source"))
            first = next((f for f in firsts if f.split("-", 1)[1] in with_rows), None)
            if first:
                cases.append(("selective", query, {"source": first}))
    holders, targets = Counter(column("positions", "holder")), Counter(column("positions", "target"))
    event_targets = Counter(column("events", "target"))
    rare = min(holders, key=lambda k: (holders[k], k))
    rare_target = min(targets, key=lambda k: (targets[k], k))
    rare_event = min(event_targets, key=lambda k: (event_targets[k], k))
    cases += [("selective", "positions", {"holder": rare}), ("selective", "stance_counts", {"holder": rare}),
              ("selective", "positions", {"target": rare_target}), ("selective", "events", {"target": rare_event}),
              ("selective", "stages", {"target": rare_event})]
    cases += [("aggregation", q, {}) for q in AGGREGATIONS]
    return cases


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def time_query(run, repeats: int, budget: float) -> dict:
    """Median of ``repeats`` runs, or what happened when a run took longer than ``budget`` s."""
    samples, rows = [], None
    signal.signal(signal.SIGALRM, _alarm)
    for _ in range(repeats):
        signal.setitimer(signal.ITIMER_REAL, budget)
        t = time.perf_counter()
        try:
            rows = run()
        except Timeout:
            return {"seconds": None, "error": f"not finished in {budget:.0f} s"}
        except Exception as exc:  # an engine that cannot answer is reported, not hidden
            return {"seconds": None, "error": f"{type(exc).__name__}: {str(exc)[:80]}"}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        samples.append(time.perf_counter() - t)
        if sum(samples) > 10:
            break  # a slow query is not repeated past 10 s: the runs so far say enough
    return {"seconds": statistics.median(samples), "runs": len(samples), "rows": rows}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
