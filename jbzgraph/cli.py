"""The ``jbzgraph`` command: wires the steps together, nothing more."""

import sys
from pathlib import Path

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.table import Table

from jbzgraph.errors import JbzError
from jbzgraph.pipeline import build as build_letters
from jbzgraph.query import format_rows, list_queries, load_query, parameters, run_query
from jbzgraph.store import open_store

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
err = Console(stderr=True, soft_wrap=True)  # an error stays one line, however long

DEFAULT_STORE = Path("store")
EXPORT_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


def fail(exc: JbzError) -> None:
    err.print(f"error: {exc}", markup=False, highlight=False)
    raise typer.Exit(code=2)


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Letter files or folders of them."),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store folder (created if missing)."),
    validate: bool = typer.Option(True, "--validate/--no-validate", help="SHACL-check each graph before writing."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes that prepare letters in parallel."),
) -> None:
    """Build letters into the store; rebuilding a letter replaces its graph."""
    try:
        db = open_store(store)
        report = build_letters(paths, db, validate=validate, jobs=jobs)
    except JbzError as exc:
        fail(exc)
    table = Table("letter", "doc_type", "mentions", "signatories", "citations", "positions", "events",
                  "memberships", "warnings", title=f"built into {store}")
    for r in report.built:
        c = r.counts
        table.add_row(r.path.name, r.doc_type, *(str(c[k]) for k in (
            "mentions", "signatories", "citations", "positions", "events", "memberships", "warnings")))
    if report.built:
        err.print(table)
    for r in report.built:
        for w in r.warnings:
            err.print(f"warning: {r.path.name}: [{w.code}] {w.message}", markup=False, highlight=False)
    for exc in report.failed:
        err.print(f"error: {exc}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(code=1 if report.built else 2)


def _target(store: Path, endpoint: str | None):
    """The SPARQL endpoint when one is given, else the embedded store (read-only)."""
    if endpoint:
        from jbzgraph.publish import RemoteStore

        return RemoteStore(endpoint)
    return open_store(store, read_only=True)


@app.command()
def query(
    name: str = typer.Argument(..., help="A query of queries/ without .rq."),
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    endpoint: str | None = typer.Option(None, "--endpoint", help="Ask this SPARQL endpoint instead of the store."),
    fmt: str = typer.Option("table", "--format", help="csv, json or table"),
    param: list[str] = typer.Option([], "--param", "-p",
                                    help="NAME=VALUE for a parameter the query declares (repeatable)."),
) -> None:
    """Run a named query of the library against the store (or a SPARQL endpoint)."""
    if fmt not in ("csv", "json", "table"):
        err.print(f"error: unknown format {fmt!r}: use csv, json or table")
        raise typer.Exit(code=2)
    if any("=" not in p for p in param):
        err.print(f"error: --param takes NAME=VALUE, got {next(p for p in param if '=' not in p)!r}")
        raise typer.Exit(code=2)
    given = dict(p.split("=", 1) for p in param)
    try:
        columns, rows = run_query(_target(store, endpoint), name, given)
    except JbzError as exc:
        fail(exc)
    sys.stdout.write(format_rows(columns, rows, fmt))


@app.command("queries")
def queries_() -> None:
    """List the query library and the parameters each query takes."""
    for name in list_queries():
        takes = ", ".join(f"{p.name} ({p.kind})" for p in parameters(load_query(name)))
        print(f"{name}: {takes}" if takes else name)


@app.command()
def export(
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    fmt: str = typer.Option("trig", "--format", help="ttl, nt, nq, trig, jsonld, or void (the dataset description)"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    output_dir: Path | None = typer.Option(None, "--output-dir", help="Write every format, context.jsonld and void.ttl here."),
    endpoint: str | None = typer.Option(None, "--endpoint", help="SPARQL endpoint to name in the description."),
) -> None:
    """Dump the store (all graphs) in a standard RDF format, or all of them with a VoID/DCAT description."""
    from jbzgraph.export import FORMATS, describe, dump, export_all

    try:
        db = open_store(store, read_only=True)
        if output_dir:
            for kind, path in export_all(db, output_dir, endpoint).items():
                print(f"{kind:>8}  {path}")
            return
        if fmt != "void" and fmt not in FORMATS:
            err.print(f"error: unknown export format {fmt!r}: use one of {', '.join(FORMATS)} or void")
            raise typer.Exit(code=2)
        data = describe(db, endpoint) if fmt == "void" else dump(db, fmt)
    except JbzError as exc:
        fail(exc)
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@app.command()
def publish(
    endpoint: str = typer.Option(..., "--endpoint", help="The server's SPARQL endpoint, e.g. http://host:8890/sparql."),
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    graph_store: str | None = typer.Option(None, "--graph-store",
                                           help="Graph Store endpoint (default: Virtuoso's beside --endpoint)."),
) -> None:
    """Replace every named graph of the store on a SPARQL server (Graph Store Protocol).

    Credentials come from JBZGRAPH_SPARQL_USER and JBZGRAPH_SPARQL_PASSWORD.
    """
    from jbzgraph.publish import publish as publish_graphs

    try:
        report = publish_graphs(open_store(store, read_only=True), endpoint, graph_store)
    except JbzError as exc:
        fail(exc)
    for graph, count in report.graphs.items():
        print(f"{count:>8} triples  {graph}")
    print(f"published {len(report.graphs)} graphs, {sum(report.graphs.values())} triples "
          f"in {report.seconds:.1f} s to {endpoint}")


@app.command("validate")
def validate_(
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    reasoner: bool = typer.Option(True, "--reasoner/--no-reasoner", help="Run HermiT over ontology and KB."),
) -> None:
    """Check the ontology with HermiT, every letter graph with SHACL, and the ASK invariants."""
    from jbzgraph.validate import validate_store

    try:
        report = validate_store(open_store(store, read_only=True), reasoner=reasoner)
    except JbzError as exc:
        fail(exc)
    for line in report.lines():
        print(line)
    if not report.ok:
        raise typer.Exit(code=1)


def _filters(since: str | None, until: str | None, kinds: str | None, holders: str | None):
    from jbzgraph.analytics import Filters

    return Filters(since, until, frozenset(kinds.split(",")) if kinds else None,
                   frozenset(holders.split(",")) if holders else None)


@app.command()
def analyze(
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    endpoint: str | None = typer.Option(None, "--endpoint", help="Analyse a SPARQL endpoint instead of the store."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json"),
    since: str | None = typer.Option(None, "--since", help="Letters dated on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Letters dated on or before YYYY-MM-DD."),
    kinds: str | None = typer.Option(None, "--instrument-kinds", help="Comma-separated, e.g. Regulation,Proposal."),
    holders: str | None = typer.Option(None, "--holders", help="Comma-separated keys, e.g. NLD,DEU,MULTIPLE."),
) -> None:
    """Centralities, communities, contested instruments, active actors, per-meeting summaries."""
    import json

    from jbzgraph.analytics import summary_tables

    if fmt not in ("csv", "json", "table"):
        err.print(f"error: unknown format {fmt!r}: use csv, json or table")
        raise typer.Exit(code=2)
    try:
        tables = summary_tables(_target(store, endpoint), _filters(since, until, kinds, holders))
    except JbzError as exc:
        fail(exc)
    if fmt == "json":
        print(json.dumps({name: [dict(zip(cols, r)) for r in rows] for name, (cols, rows) in tables.items()},
                         ensure_ascii=False, indent=1))
        return
    for name, (cols, rows) in tables.items():
        if fmt == "csv":
            sys.stdout.write(f"# {name}\n" + format_rows(cols, rows, "csv"))
        else:
            print(f"\n{name}")
            sys.stdout.write(format_rows(cols, rows, "table"))


@app.command()
def network(
    kind: str = typer.Argument(..., help="actor_instrument, comembership or alignment"),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    fmt: str = typer.Option("gexf", "--format", help="gexf, graphml or json (node-link)"),
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    endpoint: str | None = typer.Option(None, "--endpoint"),
) -> None:
    """Write a network for Gephi (GEXF), Cytoscape (GraphML) or the web (node-link JSON)."""
    from jbzgraph.analytics import actor_instrument, alignment, comembership
    from jbzgraph.analytics.files import FORMATS, write_network

    builders = {"actor_instrument": actor_instrument, "comembership": comembership,
                "alignment": lambda target: alignment(target)[0]}
    if kind not in builders or fmt not in FORMATS:
        err.print(f"error: use a network of {', '.join(builders)} and a format of {', '.join(FORMATS)}")
        raise typer.Exit(code=2)
    try:
        G = builders[kind](_target(store, endpoint))
    except JbzError as exc:
        fail(exc)
    write_network(G, output, fmt)
    print(f"{output}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


@app.command()
def viz(
    output_dir: Path = typer.Option(Path("viz"), "--output-dir", "-o"),
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    endpoint: str | None = typer.Option(None, "--endpoint"),
) -> None:
    """An interactive, offline HTML network and PNG/SVG plots (network, alignment, timeline)."""
    from jbzgraph.analytics.pictures import write_pictures

    try:
        written = write_pictures(_target(store, endpoint), output_dir)
    except JbzError as exc:
        fail(exc)
    for name, path in written.items():
        print(f"{name:>14}  {path}")


@app.command()
def evaluate(
    gold: Path = typer.Option(Path("tests/gold"), "--gold", help="Folder of gold JSON files."),
    store: Path | None = typer.Option(None, "--store", help="Read this store instead of building."),
    letters: Path = typer.Option(Path("data/letters"), "--letters", help="Where the gold letters are."),
    fmt: str = typer.Option("table", "--format", help="table or json"),
    details: bool = typer.Option(False, "--details", help="List the gold items missed and the rows no gold matched."),
) -> None:
    """Precision, recall and F1 per competency question against gold answers, with F1 per letter and per doc_type."""
    from jbzgraph.evaluate import evaluate_against_gold, render

    try:
        evaluation = evaluate_against_gold(gold, letters, store)
    except JbzError as exc:
        fail(exc)
    sys.stdout.write(render(evaluation, fmt, details))


if __name__ == "__main__":
    app()
