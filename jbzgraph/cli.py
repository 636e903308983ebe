"""The ``jbzgraph`` command line: each command wires steps of the package together."""

import sys
import time
from pathlib import Path

import pyoxigraph as ox
import typer
from rich import box
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Column, Table

from jbzgraph.errors import JbzError
from jbzgraph.fetch import names
from jbzgraph.pipeline import build as build_letters
from jbzgraph.query import format_rows, list_queries, load_query, parameters, run_query
from jbzgraph.store import open_store

HELP = """Turn Dutch government letters to parliament about the EU Justice and Home Affairs Council
(JBZ-Raad) into a knowledge graph: who took which position on which proposal, what happened
to it at which Council meeting, which states stood together, each answer traceable to the
sentence of the letter that says it.

Start with the bundled letters: `jbzgraph build data/letters --store S`, then
`jbzgraph query letters --store S`. For a whole dossier: `jbzgraph fetch 32317 --cache fetched/32317`,
then `jbzgraph build fetched/32317 --store S`.
"""

app = typer.Typer(add_completion=False, no_args_is_help=True, help=HELP, rich_markup_mode="markdown")
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


COUNTS = ("mentions", "signatories", "citations", "positions", "events", "memberships", "warnings")
# Short headers, so the per-letter table fits an 80-column terminal without cutting a name
# (its warnings are printed below it, one line each).
SHORT = {"mentions": "ment", "signatories": "sign", "citations": "cite", "positions": "pos",
         "events": "event", "memberships": "memb"}
TABLE_UP_TO = 20  # letters; a larger build ends with a summary (and --report for the rows)


def _progress() -> Progress:
    """A progress bar on stderr, shown only on a terminal (a log or a pipe gets none)."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TimeRemainingColumn(), TextColumn("{task.fields[what]}"), console=err, transient=True,
                    disable=not err.is_terminal)


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{seconds:.1f} s"


def _letter_table(report, store: Path) -> Table:
    table = Table(Column("letter", overflow="fold"), Column("doc_type", overflow="fold"),
                  *(Column(SHORT[k], justify="right", no_wrap=True) for k in SHORT),
                  title=f"built into {store}", caption=", ".join(f"{v} = {k}" for k, v in SHORT.items()),
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for r in report.built:
        table.add_row(r.path.name, r.doc_type, *(str(r.counts.get(k, 0)) for k in SHORT))
    return table


def _summary(report, store: Path, seconds: float) -> list[str]:
    """A few lines for a build of many letters: what was built, how much of each, how long."""
    totals = {k: sum(r.counts.get(k, 0) for r in report.built) for k in COUNTS}
    kinds: dict[str, int] = {}
    for r in report.built:
        kinds[r.doc_type] = kinds.get(r.doc_type, 0) + 1
    lines = [f"built {len(report.built)} letters into {store} in {_duration(seconds)}"
             f" ({len(report.failed)} failed, {len(report.removed)} withdrawn letters removed)",
             "statements: " + ", ".join(f"{v:,} {k}" for k, v in totals.items()),
             "doc types: " + ", ".join(f"{v:,} {k}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))]
    return lines


def _report_rows(report) -> list[dict]:
    """One row per letter built, failed or removed: what --report writes."""
    rows = []
    for r in report.built:
        rows.append({"letter": str(r.path), "status": "built", "doc_type": r.doc_type,
                     **{k: r.counts.get(k, 0) for k in COUNTS},
                     "warning_messages": "; ".join(f"[{w.code}] {w.message}" for w in r.warnings), "error": ""})
    for exc in report.failed:
        rows.append({"letter": exc.path or "", "status": "failed", "doc_type": "", **{k: "" for k in COUNTS},
                     "warning_messages": "", "error": str(exc)})
    for source in report.removed:
        rows.append({"letter": source, "status": "removed (withdrawn at the source)", "doc_type": "",
                     **{k: "" for k in COUNTS}, "warning_messages": "", "error": ""})
    return rows


def _write_report(path: Path, rows: list[dict]) -> None:
    import csv
    import json

    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["letter", "status"])
        writer.writeheader()
        writer.writerows(rows)


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Letter files or folders of them (a `jbzgraph fetch` cache too)."),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help="Store folder (created if missing)."),
    validate: bool = typer.Option(True, "--validate/--no-validate", help="SHACL-check each graph before writing."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes that prepare letters in parallel."),
    report_file: Path | None = typer.Option(None, "--report", help="Write one row per letter here (.csv, or .json)."),
) -> None:
    """Build letters into the store; rebuilding a letter replaces its graph.

    A fetch cache's withdrawn letters are removed from the store. Up to 20 letters get a
    table, more a summary; --report FILE keeps every letter's row.
    """
    started = time.monotonic()
    try:
        db = open_store(store)
        with _progress() as bar:
            task = bar.add_task("building", total=None, what="")
            report = build_letters(paths, db, validate=validate, jobs=jobs,
                                   progress=lambda done, total: bar.update(task, completed=done, total=total))
    except JbzError as exc:
        fail(exc)
    seconds = time.monotonic() - started
    if report_file:
        _write_report(report_file, _report_rows(report))
    for source in report.removed:
        err.print(f"removed: {source} (withdrawn at the source)", markup=False, highlight=False)
    if len(report.built) > TABLE_UP_TO:
        for line in _summary(report, store, seconds):
            err.print(line, markup=False, highlight=False)
    elif report.built:
        err.print(_letter_table(report, store), soft_wrap=False)
        for r in report.built:
            for w in r.warnings:
                err.print(f"warning: {r.path.name}: [{w.code}] {w.message}", markup=False, highlight=False)
    for exc in report.failed:
        err.print(f"error: {exc}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(code=1 if report.built else 2)


def _day(value: str | None, option: str):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"error: {option} takes a date YYYY-MM-DD, got {value!r}", markup=False, highlight=False)
        raise typer.Exit(code=2) from None


@app.command()
def fetch(
    dossier: str = typer.Argument(..., help="Kamerstuk dossier: 32317 (JBZ-Raad), 21501-20, 22112 (BNC fiches)."),
    cache: Path | None = typer.Option(None, "--cache", help="Folder for the documents and their metadata "
                                                            "(default: fetched/DOSSIER)."),
    since: str | None = typer.Option(None, "--since", help="Documents dated on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Documents dated on or before YYYY-MM-DD."),
    kind: list[str] = typer.Option([], "--kind", help='Only this kind of document, as the Tweede Kamer names it '
                                                      '(Soort), e.g. "Brief regering" (repeatable).'),
    base_url: str = typer.Option(names.TK_API_URL, "--base-url", envvar=names.TK_API_ENV,
                                 help="The Tweede Kamer open-data API (OData)."),
    sru_url: str = typer.Option(names.SRU_URL, "--sru-url", envvar=names.SRU_ENV,
                                help="The officielebekendmakingen SRU repository."),
    rate: float = typer.Option(2.0, "--rate", help="Requests per second, at most."),
) -> None:
    """Download a dossier's documents into a cache folder that `jbzgraph build` reads.

    A re-run fetches only what is new or changed and withdraws what was withdrawn at
    the source; the next build removes those letters from the store.
    """
    from jbzgraph.fetch.http import Client
    from jbzgraph.fetch.model import Dossier, Scope
    from jbzgraph.fetch.sync import fetch as fetch_dossier

    try:
        scope = Scope(Dossier.parse(dossier), _day(since, "--since"), _day(until, "--until"), tuple(kind))
        folder = cache or Path("fetched") / scope.dossier.label
        with Client(rate=rate) as client, _progress() as bar:
            task = bar.add_task(f"fetching {scope.dossier.label}", total=None, what="")

            def tell(done: int, total: int | None, what: str) -> None:
                bar.update(task, completed=done, total=total, what=what)

            report = fetch_dossier(scope, folder, client, base_url, sru_url, progress=tell)
    except JbzError as exc:
        fail(exc)
    for name in report.repaired:
        err.print(f"repaired: {folder / name} failed its checksum or lost its metadata; fetched again if still listed",
                  markup=False, highlight=False)
    for exc in report.failed:
        err.print(f"error: {exc}", markup=False, highlight=False)
    print(f"{scope.dossier.label}: {report.listed} listed, {len(report.downloaded)} downloaded, "
          f"{len(report.not_modified)} unchanged on the server, {len(report.updated)} with new metadata, "
          f"{len(report.withdrawn)} withdrawn, {len(report.failed)} failed; {report.cached} documents in {folder} "
          f"({report.requests} requests, {_duration(report.seconds)})")
    if report.failed:
        raise typer.Exit(code=1)


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


@app.command()
def serve(
    store: Path = typer.Option(DEFAULT_STORE, "--store"),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for all)."),
    port: int = typer.Option(8000, "--port"),
    base: str | None = typer.Option(None, "--base", help="IRI base whose {base}id/... is served at /id/... "
                                                         "(default https://w3id.org/jbzgraph/)."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL updates (else 403); "
                                                                    "no `jbzgraph build` can then run beside it."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run before it is cut (503)."),
    limit: int = typer.Option(10_000, "--limit", help="Rows (or triples) a response holds at most."),
    workers: int = typer.Option(2, "--workers", help="Query worker processes."),
    letters: list[Path] = typer.Option([], "--letters", help="Folder of the letter files, to show a letter's "
                                                            "text on its page (repeatable)."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn's: info logs every request; warning, error."),
) -> None:
    """Serve the store over HTTP: a SPARQL endpoint at /sparql, every resource at /id/..., a query page at /.

    Read-only by default; a `jbzgraph build` into the same store may run beside it, and its
    letters appear as each is written.
    """
    from jbzgraph.serve.app import DEFAULT_BASE, Settings
    from jbzgraph.serve.server import serve as run_server

    settings = Settings(store=store, base=base or DEFAULT_BASE, allow_update=allow_update, timeout=timeout,
                        limit=limit, workers=workers, letters=tuple(letters))
    if not settings.base.endswith("/"):
        err.print(f"error: --base must end with '/', got {settings.base!r}", markup=False, highlight=False)
        raise typer.Exit(code=2)
    try:
        run_server(settings, host, port, log_level)
    except JbzError as exc:
        fail(exc)


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
