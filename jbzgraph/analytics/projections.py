"""Graphs built from the projection queries of ``queries/projections/``, never from raw
triples, so literals and ``rdf:type`` never become nodes.

Every function takes a store (embedded or :class:`~jbzgraph.publish.RemoteStore`) and
optional :class:`Filters` on the letter date, the instrument kind and the holders.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from jbzgraph.query import run_query


@dataclass(frozen=True)
class Filters:
    since: str | None = None  # YYYY-MM-DD, on the date of the letter that says it
    until: str | None = None
    instrument_kinds: frozenset[str] | None = None  # e.g. {"Regulation", "Proposal"}
    holders: frozenset[str] | None = None  # contract keys: {"NLD", "DEU", "MULTIPLE"}

    def keep_date(self, date: str) -> bool:
        if not date:
            return self.since is None and self.until is None
        return (self.since is None or date >= self.since) and (self.until is None or date <= self.until)


NO_FILTERS = Filters()


def projection(store, name: str) -> list[dict[str, str]]:
    columns, rows = run_query(store, f"projections/{name}")
    return [dict(zip(columns, r)) for r in rows]


def position_rows(store, filters: Filters = NO_FILTERS) -> list[dict[str, str]]:
    """The actor–instrument projection, filtered: what the position-based networks share."""
    return [r for r in projection(store, "actor_instrument")
            if filters.keep_date(r["date"])
            and (filters.instrument_kinds is None or r["instrument_kind"] in filters.instrument_kinds)
            and (filters.holders is None or r["actor"] in filters.holders)]


def actor_instrument(store, filters: Filters = NO_FILTERS) -> nx.Graph:
    """Bipartite: actors (bipartite=0) and instruments (1); an edge per actor and instrument
    with the stances taken, how often, when, in which letters, and the quotes."""
    return actor_instrument_graph(position_rows(store, filters))


def actor_instrument_graph(rows: list[dict[str, str]]) -> nx.Graph:
    G = nx.Graph()
    for r in rows:
        actor, ins = f"actor:{r['actor']}", r["instrument"]
        G.add_node(actor, bipartite=0, kind="actor", key=r["actor"], label=r["actor_label"], actor_kind=r["actor_kind"])
        G.add_node(ins, bipartite=1, kind="instrument", label=r["instrument_label"], instrument_kind=r["instrument_kind"])
        if not G.has_edge(actor, ins):
            G.add_edge(actor, ins, stances=[], count=0, dates=[], letters=[], quotes=[])
        e = G.edges[actor, ins]
        e["count"] += 1
        for field, value in (("stances", r["stance"]), ("dates", r["date"]), ("letters", r["source"]),
                             ("quotes", r["quote"])):
            if value and value not in e[field]:
                e[field].append(value)
    return G


def comembership(store, filters: Filters = NO_FILTERS) -> nx.Graph:
    """States as nodes; an edge between two states for every group both belong to, weighted."""
    groups: dict[str, dict] = defaultdict(lambda: {"members": set(), "label": ""})
    labels: dict[str, str] = {}
    for r in projection(store, "comembership"):
        if not filters.keep_date(r["date"]) or (filters.holders and r["member"] not in filters.holders):
            continue
        groups[r["group"]]["members"].add(r["member"])
        groups[r["group"]]["label"] = r["group_label"]
        labels[r["member"]] = r["member_label"]
    G = nx.Graph()
    for key, label in labels.items():
        G.add_node(key, label=label)
    for group in groups.values():
        for a, b in combinations(sorted(group["members"]), 2):
            if not G.has_edge(a, b):
                G.add_edge(a, b, weight=0, groups=[])
            G.edges[a, b]["weight"] += 1
            G.edges[a, b]["groups"].append(group["label"])
    return G


def alignment(store, filters: Filters = NO_FILTERS) -> tuple[nx.Graph, list[str], list[list[int]]]:
    """How often two actors took the same stance on the same instrument: a graph weighted by
    agreements (with disagreements as an attribute), and the same as a square matrix."""
    return alignment_of(position_rows(store, filters))


def alignment_of(rows: list[dict[str, str]]) -> tuple[nx.Graph, list[str], list[list[int]]]:
    stances: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        stances[(r["actor"], r["instrument"])].add(r["stance"])
    actors = sorted({a for a, _ in stances})
    by_instrument: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for (actor, ins), taken in stances.items():
        by_instrument[ins][actor] = taken
    G = nx.Graph()
    G.add_nodes_from(actors)
    for ins, who in by_instrument.items():
        for a, b in combinations(sorted(who), 2):
            if not G.has_edge(a, b):
                G.add_edge(a, b, weight=0, disagreements=0, instruments=[])
            e = G.edges[a, b]
            if who[a] & who[b]:
                e["weight"] += 1
                e["instruments"].append(ins)
            else:
                e["disagreements"] += 1
    index = {a: i for i, a in enumerate(actors)}
    matrix = [[0] * len(actors) for _ in actors]
    for a, b, data in G.edges(data=True):
        matrix[index[a]][index[b]] = matrix[index[b]][index[a]] = data["weight"]
    return G, actors, matrix


def timeline(store, instrument: str | None = None) -> dict[str, list[dict[str, str]]]:
    """The steps of each instrument in date order (undated steps last), one list per
    instrument IRI; a step several letters report is one step with all their sources.
    ``instrument`` (IRI or label) picks one."""
    steps: dict[str, dict[tuple, dict[str, str]]] = defaultdict(dict)
    for r in projection(store, "timeline"):
        if instrument and instrument not in (r["instrument"], r["instrument_label"]):
            continue
        key = (r["stage"], r["body"], r["date"])
        if key in steps[r["instrument"]]:
            known = steps[r["instrument"]][key]
            if r["source"] not in known["source"].split("|"):
                known["source"] += "|" + r["source"]
        else:
            steps[r["instrument"]][key] = dict(r)
    return {k: sorted(v.values(), key=lambda r: (r["date"] == "", r["date"], r["stage"])) for k, v in steps.items()}
