"""What an analyst asks of the networks first, as tables of plain rows."""

from collections import Counter, defaultdict

import networkx as nx

from jbzgraph.analytics.projections import NO_FILTERS, Filters, actor_instrument_graph, comembership, position_rows
from jbzgraph.query import run_query

Table = tuple[list[str], list[list[str]]]


def centrality(G: nx.Graph) -> Table:
    degree = nx.degree_centrality(G) if len(G) > 1 else {n: 0.0 for n in G}
    between = nx.betweenness_centrality(G) if len(G) > 2 else {n: 0.0 for n in G}
    rows = sorted(G.nodes, key=lambda n: (-degree[n], -between[n], str(n)))
    return ["node", "label", "degree", "betweenness"], [
        [str(n), G.nodes[n].get("label", str(n)), f"{degree[n]:.3f}", f"{between[n]:.3f}"] for n in rows]


def communities(G: nx.Graph, seed: int = 7) -> Table:
    """Louvain communities (networkx), largest first; weighted where the graph has weights."""
    if G.number_of_edges() == 0:
        return ["community", "members"], []
    found = nx.community.louvain_communities(G, weight="weight", seed=seed)
    found = sorted((sorted(map(str, c)) for c in found), key=lambda c: (-len(c), c))
    return ["community", "members"], [[str(i), "|".join(c)] for i, c in enumerate(found, 1)]


def contested(rows: list[dict[str, str]]) -> Table:
    """Instruments on which actors took different stances, most stances first (``rows``:
    :func:`~jbzgraph.analytics.projections.position_rows`)."""
    stances: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, str] = {}
    for r in rows:
        stances[r["instrument"]][r["stance"]] += 1
        labels[r["instrument"]] = r["instrument_label"]
    mixed = [(ins, c) for ins, c in stances.items() if len(c) > 1]
    mixed.sort(key=lambda x: (-len(x[1]), -sum(x[1].values()), labels[x[0]]))
    return ["instrument", "label", "stances", "positions"], [
        [ins, labels[ins], "|".join(f"{s}:{n}" for s, n in sorted(c.items())), str(sum(c.values()))]
        for ins, c in mixed]


def active_actors(rows: list[dict[str, str]]) -> Table:
    counts: Counter = Counter()
    instruments: dict[str, set] = defaultdict(set)
    for r in rows:
        counts[r["actor"]] += 1
        instruments[r["actor"]].add(r["instrument"])
    return ["actor", "positions", "instruments"], [
        [a, str(n), str(len(instruments[a]))] for a, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]


def meetings(store) -> Table:
    """Per Council meeting (by its first day): the letters about it and what they say.
    Letters may disagree on the last day or omit the place; the fullest answer is kept."""
    _, letters = run_query(store, "letters")
    _, positions = run_query(store, "positions")
    _, events = run_query(store, "events")
    by_source = {r[0]: r for r in letters if r[3]}
    summary: dict[str, dict] = {}
    for source, row in by_source.items():
        s = summary.setdefault(row[3], {"end": row[4], "place": row[5], "letters": [], "positions": 0, "events": 0})
        s["end"] = max(s["end"], row[4])
        s["place"] = s["place"] or row[5]
        s["letters"].append(source)
    for rows, field in ((positions, "positions"), (events, "events")):
        for r in rows:
            if r[0] in by_source:
                summary[by_source[r[0]][3]][field] += 1
    return ["meeting_start", "meeting_end", "meeting_place", "letters", "positions", "events"], [
        [start, v["end"], v["place"], "|".join(sorted(v["letters"])), str(v["positions"]), str(v["events"])]
        for start, v in sorted(summary.items())]


def summary_tables(store, filters: Filters = NO_FILTERS) -> dict[str, Table]:
    """Everything ``jbzgraph analyze`` prints; the position projection is run once."""
    rows = position_rows(store, filters)
    actors = actor_instrument_graph(rows)
    states = comembership(store, filters)
    return {
        "actor_instrument_centrality": centrality(actors),
        "actor_instrument_communities": communities(actors),
        "comembership_communities": communities(states),
        "contested_instruments": contested(rows),
        "active_actors": active_actors(rows),
        "meetings": meetings(store),
    }
