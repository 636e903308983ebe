"""Networks from the bundled letters: concrete numbers an analyst can check by reading them."""

import itertools
import json
import re

import networkx as nx
import pytest

from jbzgraph.analytics import Filters, actor_instrument, alignment, comembership, summary_tables, timeline
from jbzgraph.analytics.files import write_network
from jbzgraph.analytics.pictures import html_page, write_pictures
from jbzgraph.pipeline import build
from jbzgraph.store import open_store
from tests.helpers import LETTERS

C7 = ["NLD", "BEL", "FRA", "DEU", "ESP", "ITA", "SWE"]
EBSP = "https://w3id.org/jbzgraph/id/instrument/ebsp"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("store"))
    assert build([LETTERS], s).failed == []
    return s


def test_the_c7_members_form_a_clique_in_the_comembership_graph(store):
    G = comembership(store)
    assert all(G.has_edge(a, b) for a, b in itertools.combinations(C7, 2))
    assert "DNK" in G and "C7" not in G, "groups are edges, not nodes"


def test_the_netherlands_supports_the_ebsp_with_the_quote_behind_it(store):
    G = actor_instrument(store)
    edge = G.edges["actor:NLD", EBSP]
    assert edge["stances"] == ["support"] and "2025-12-17_verslag-jbz-raad.txt" in edge["letters"]
    assert any("instemming verleend" in q for q in edge["quotes"])
    assert nx.is_bipartite(G)
    assert not any(str(n).startswith(("\"", "http://www.w3.org")) for n in G), "no literals or rdf:type as nodes"


def test_the_ebsp_timeline_runs_from_proposal_to_coreper_to_the_raz(store):
    (steps,) = timeline(store, EBSP).values()
    assert [(s["stage"], s["body"], s["date"]) for s in steps] == [
        ("proposal", "COM", "2025-07-23"),
        ("negotiating_mandate", "COREPER", "2025-12-11"),
        ("negotiating_mandate", "GAC", "2025-12-16"),
    ]
    assert "|" in steps[0]["source"], "the proposal is reported by two letters, kept as one step"


def test_alignment_matrix_is_symmetric_and_counts_shared_stances(store):
    G, actors, matrix = alignment(store)
    assert set(actors) >= {"NLD", "MULTIPLE"}
    assert all(matrix[i][j] == matrix[j][i] for i in range(len(actors)) for j in range(len(actors)))
    i, j = actors.index("NLD"), actors.index("MULTIPLE")
    assert matrix[i][j] == G.edges["NLD", "MULTIPLE"]["weight"] >= 1


def test_filters_on_date_and_holder(store):
    only_2026 = actor_instrument(store, Filters(since="2026-01-01"))
    assert all(all(d >= "2026-01-01" for d in e["dates"]) for *_, e in only_2026.edges(data=True))
    only_nld = actor_instrument(store, Filters(holders=frozenset({"NLD"})))
    assert {n for n, d in only_nld.nodes(data=True) if d["kind"] == "actor"} == {"actor:NLD"}


def test_analyze_tables(store):
    tables = summary_tables(store)
    _, contested = tables["contested_instruments"]
    assert all(len(r[2].split("|")) >= 2 for r in contested)
    _, active = tables["active_actors"]
    assert active[0][0] == "NLD"
    cols, meetings = tables["meetings"]
    december = next(r for r in meetings if r[0] == "2025-12-08")
    assert "2025-12-17_verslag-jbz-raad.txt" in december[3]


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
def test_network_files_read_back(store, tmp_path, fmt):
    G = comembership(store)
    path = write_network(G, tmp_path / f"g.{fmt}", fmt)
    if fmt == "json":
        back = nx.node_link_graph(json.loads(path.read_text()), edges="links")
    else:
        back = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(path)
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()


def test_viz_html_is_offline_and_draws_every_node_and_edge(store, tmp_path):
    written = write_pictures(store, tmp_path)
    page = written["html"].read_text(encoding="utf-8")
    G = actor_instrument(store)
    assert page.count('<circle class="node"') == G.number_of_nodes()
    assert page.count('<line class="edge"') == G.number_of_edges()
    assert not re.search(r"(src|href)=['\"]https?://", page), "nothing fetched from the network"
    for name in ("network.png", "alignment.png", "timeline.png"):
        assert written[name].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and written[name].stat().st_size > 5000
    assert html_page(nx.Graph()).count("<circle") == 0


@pytest.mark.skipif(not any(__import__("shutil").which(b) for b in ("chromium", "chromium-browser")),
                    reason="headless Chromium is not installed (make test installs it)")
def test_viz_page_renders_in_headless_chromium(store, tmp_path):
    import subprocess
    import sys

    from jbzgraph.paths import ROOT

    page = write_pictures(store, tmp_path)["html"]
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_viz.py"), str(page),
                          "--screenshot", str(tmp_path / "shot.png")], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(out.stdout)
    assert result["circles"] == result["nodes"] == actor_instrument(store).number_of_nodes()
    assert result["ink"] >= 0.01
