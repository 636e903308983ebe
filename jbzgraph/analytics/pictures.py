"""Pictures of the networks: a self-contained interactive HTML page (inline SVG and a few
lines of script, nothing fetched, so it opens offline) and static PNG/SVG plots.

Colours: actors by kind (member state, organisation, unnamed group), instruments grey;
edges by stance (green support, red oppose, orange concern, blue neutral, purple
abstain, brown when an actor took more than one). Hovering an edge shows the quotes and
letters behind it; hovering a node, its label and degree.
"""

import html
import json
from pathlib import Path

import networkx as nx

STANCE_COLOURS = {"support": "#2e7d32", "oppose": "#c62828", "concern": "#ef6c00", "neutral": "#1565c0",
                  "abstain": "#6a1b9a", "mixed": "#6d4c41"}
NODE_COLOURS = {"member_state": "#1e88e5", "third_country": "#00897b", "organisation": "#8e24aa",
                "unnamed_group": "#fbc02d", "instrument": "#9e9e9e"}
WIDTH, HEIGHT, MARGIN = 1100, 800, 60
LABEL_ROOM = 230  # right of the layout, so the labels of the rightmost nodes stay inside


def _stance(data: dict) -> str:
    stances = data.get("stances") or []
    return stances[0] if len(stances) == 1 else "mixed"


def _colour(data: dict) -> str:
    kind = data.get("actor_kind") if data.get("kind") == "actor" else data.get("kind", "instrument")
    return NODE_COLOURS.get(kind or "", NODE_COLOURS["organisation"])


def _layout(G: nx.Graph) -> dict:
    pos = nx.spring_layout(G, seed=3, k=1.5 / max(len(G), 1) ** 0.5) if len(G) else {}
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return {n: (MARGIN + (p[0] - min(xs)) / span_x * (WIDTH - 2 * MARGIN - LABEL_ROOM),
                MARGIN + (p[1] - min(ys)) / span_y * (HEIGHT - 2 * MARGIN)) for n, p in pos.items()}


def html_page(G: nx.Graph, title: str = "jbzgraph: actors and instruments") -> str:
    """One HTML file: every node a ``<circle class="node">``, every edge a ``<line class="edge">``."""
    pos = _layout(G)
    ids = {n: f"n{i}" for i, n in enumerate(G.nodes)}
    parts = []
    for a, b, data in G.edges(data=True):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        tip = "\n".join([f"{G.nodes[a].get('label', a)} — {G.nodes[b].get('label', b)}: "
                         f"{', '.join(data.get('stances', []))} ({data.get('count', 1)}×)",
                         *[f"“{q}”" for q in data.get("quotes", [])[:3]], *data.get("letters", [])])
        parts.append(f'<line class="edge" data-a="{ids[a]}" data-b="{ids[b]}" x1="{x1:.1f}" y1="{y1:.1f}" '
                     f'x2="{x2:.1f}" y2="{y2:.1f}" stroke="{STANCE_COLOURS[_stance(data)]}" '
                     f'stroke-width="{1.5 + data.get("count", 1):.1f}"><title>{html.escape(tip)}</title></line>')
    for n, data in G.nodes(data=True):
        x, y = pos[n]
        label = str(data.get("label", n))
        radius = 6 + 2 * min(G.degree(n), 10)
        parts.append(f'<g class="node-group"><circle class="node" id="{ids[n]}" cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="{radius}" fill="{_colour(data)}"><title>{html.escape(label)} (degree {G.degree(n)})'
                     f'</title></circle><text x="{x + radius + 3:.1f}" y="{y + 4:.1f}">'
                     f'{html.escape(label[:40])}</text></g>')
    legend = "".join(f'<span style="color:{c}">● {html.escape(k.replace("_", " "))}</span> '
                     for k, c in NODE_COLOURS.items())
    legend += "".join(f'<span style="color:{c}">━ {k}</span> ' for k, c in STANCE_COLOURS.items())
    script = """document.querySelectorAll('circle.node').forEach(c => {
  c.addEventListener('mouseenter', () => document.querySelectorAll('line.edge').forEach(l => {
    l.style.opacity = (l.dataset.a === c.id || l.dataset.b === c.id) ? 1 : 0.12; }));
  c.addEventListener('mouseleave', () => document.querySelectorAll('line.edge').forEach(l => l.style.opacity = 1));
});"""
    stats = json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges()})
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;margin:1em}text{font-size:11px;fill:#333}"
            "svg{border:1px solid #ddd;background:#fff}line.edge{opacity:1}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><p>{legend}</p>"
            f"<svg id='network' width='{WIDTH}' height='{HEIGHT}' viewBox='0 0 {WIDTH} {HEIGHT}' "
            f"data-stats='{stats}'>{''.join(parts)}</svg><script>{script}</script></body></html>\n")


def plot_network(G: nx.Graph, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pos = _layout(G)
    fig, ax = plt.subplots(figsize=(12, 9))
    nx.draw_networkx_edges(G, pos, ax=ax, edge_color=[STANCE_COLOURS[_stance(d)] for *_, d in G.edges(data=True)],
                           width=[1 + d.get("count", 1) for *_, d in G.edges(data=True)])
    nx.draw_networkx_nodes(G, pos, ax=ax, node_color=[_colour(d) for _, d in G.nodes(data=True)],
                           node_size=[80 + 40 * min(G.degree(n), 10) for n in G.nodes])
    nx.draw_networkx_labels(G, pos, ax=ax, font_size=7,
                            labels={n: str(d.get("label", n))[:30] for n, d in G.nodes(data=True)})
    ax.invert_yaxis()
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def plot_alignment(actors: list[str], matrix: list[list[int]], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(max(4, len(actors) * 0.6), max(3, len(actors) * 0.5)))
    image = ax.imshow(matrix or [[0]], cmap="Greens")
    ax.set_xticks(range(len(actors)), actors, rotation=90)
    ax.set_yticks(range(len(actors)), actors)
    ax.set_title("same stance on the same instrument")
    fig.colorbar(image, ax=ax)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def plot_timeline(steps: dict[str, list[dict[str, str]]], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    from datetime import date

    import matplotlib.pyplot as plt

    dated = {k: [s for s in v if s["date"]] for k, v in steps.items()}
    dated = {k: v for k, v in dated.items() if v}
    fig, ax = plt.subplots(figsize=(12, max(2, 0.5 * len(dated) + 1)))
    for row, (ins, rows) in enumerate(sorted(dated.items())):
        days = [date.fromisoformat(s["date"]) for s in rows]
        ax.plot(days, [row] * len(days), "-o")
        for d, s in zip(days, rows):
            ax.annotate(s["stage"], (d, row), textcoords="offset points", xytext=(0, 6), fontsize=7, ha="center")
    ax.set_yticks(range(len(dated)), [rows[0]["instrument_label"][:40] for _, rows in sorted(dated.items())])
    ax.set_title("procedural steps per instrument")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def write_pictures(store, folder: Path) -> dict[str, Path]:
    """The HTML network, and network / alignment / timeline plots as PNG and SVG."""
    from jbzgraph.analytics.projections import actor_instrument_graph, alignment_of, position_rows, timeline

    folder.mkdir(parents=True, exist_ok=True)
    rows = position_rows(store)
    G = actor_instrument_graph(rows)
    _, actors, matrix = alignment_of(rows)
    steps = timeline(store)
    written = {"html": folder / "network.html"}
    written["html"].write_text(html_page(G), encoding="utf-8")
    for ext in ("png", "svg"):
        written[f"network.{ext}"] = plot_network(G, folder / f"network.{ext}")
        written[f"alignment.{ext}"] = plot_alignment(actors, matrix, folder / f"alignment.{ext}")
        written[f"timeline.{ext}"] = plot_timeline(steps, folder / f"timeline.{ext}")
    return written
