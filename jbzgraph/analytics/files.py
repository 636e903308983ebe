"""Networks as files other tools open: GEXF (Gephi), GraphML (Cytoscape, yEd), node-link JSON."""

import json
from pathlib import Path

import networkx as nx

FORMATS = ("gexf", "graphml", "json")


def _flat(G: nx.Graph) -> nx.Graph:
    """GEXF and GraphML take scalar attributes only: lists become "a|b|c"."""
    H = G.copy()
    for _, data in [*H.nodes(data=True), *((None, d) for *_, d in H.edges(data=True))]:
        for key, value in list(data.items()):
            if isinstance(value, (list, tuple, set)):
                data[key] = "|".join(map(str, value))
    return H


def write_network(G: nx.Graph, path: Path, fmt: str) -> Path:
    if fmt == "gexf":
        nx.write_gexf(_flat(G), path)
    elif fmt == "graphml":
        nx.write_graphml(_flat(G), path)
    elif fmt == "json":
        path.write_text(json.dumps(nx.node_link_data(G, edges="links"), ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        raise ValueError(f"unknown network format {fmt!r}: use one of {', '.join(FORMATS)}")
    return path
