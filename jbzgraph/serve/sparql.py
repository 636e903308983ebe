"""The SPARQL 1.1 Protocol endpoint (``/sparql``) and named library queries (``/library/NAME``).

Queries read the union of the named graphs as their default graph (as ``jbzgraph query``
does) unless the request names ``default-graph-uri``s. Updates are refused (403) unless
the server was started with ``--allow-update``. ``SERVICE`` is refused: it would make the
server fetch any URL for anyone.
"""

import re
from urllib.parse import parse_qsl

import anyio
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from jbzgraph.errors import QueryError
from jbzgraph.query import bound_query, list_queries, load_query
from jbzgraph.serve.negotiate import HTML, by_name, negotiate, parse_accept
from jbzgraph.serve.pool import Answer, Busy, Overrun
from jbzgraph.serve.results import GRAPH_TYPES, RESULT_TYPES

LIMIT_HEADER = "X-Jbzgraph-Limit"
ROWS_HEADER = "X-Jbzgraph-Rows"
FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
# What is not SPARQL keywords: comments, strings, IRIs (so "service" in them is not SERVICE).
NOT_KEYWORDS = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>')
SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


class ProtocolError(Exception):
    """A request the endpoint answers with ``status`` and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def error(status: int, message: str, headers: dict | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


async def _parameters(request: Request) -> tuple[list[tuple[str, str]], str | None, str | None]:
    """The request's parameters, and the query or update sent as the body, if any."""
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params, None, None
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if kind == FORM:
        return params + parse_qsl(body, keep_blank_values=True), None, None
    if kind == QUERY_BODY:
        return params, body, None
    if kind == UPDATE_BODY:
        return params, None, body
    raise ProtocolError(415, f"POST a query as {FORM} (query=...) or {QUERY_BODY}, an update as {UPDATE_BODY}")


def media_types(request: Request, params: dict) -> tuple[str | None, str | None]:
    """The results type (SELECT, ASK) and the graph type (CONSTRUCT, DESCRIBE) to answer in."""
    results, graphs = list(RESULT_TYPES.values()), list(GRAPH_TYPES.values())
    if params.get("format"):
        chosen = by_name(params["format"], results), by_name(params["format"], graphs)
        if chosen == (None, None):
            raise ProtocolError(400, f"unknown format {params['format']!r}: use json, xml, csv, tsv, ttl, nt or jsonld")
        return chosen
    accept = request.headers.get("accept")
    chosen = negotiate(accept, results), negotiate(accept, graphs)
    if chosen == (None, None):
        raise ProtocolError(406, f"cannot answer in any of {accept}: results come as {', '.join(results)}; "
                                 f"graphs as {', '.join(graphs)}")
    return chosen


def check_query(text: str) -> None:
    if SERVICE.search(NOT_KEYWORDS.sub(" ", text)):
        raise ProtocolError(400, "SERVICE is not allowed on this endpoint")


async def run_job(request: Request, job: dict) -> Answer:
    """Run a job on the pool in a thread; overruns and a busy pool are 503s with a reason."""
    settings = request.app.state.settings
    try:
        return await anyio.to_thread.run_sync(request.app.state.pool.run, job, settings.timeout)
    except Overrun:
        raise ProtocolError(503, f"query cut after {settings.timeout:g} s, the server's time limit per query "
                                 "(jbzgraph serve --timeout); narrow it down, e.g. bind a letter or an actor") from None
    except Busy:
        raise ProtocolError(503, f"server busy: no query worker became free within {settings.timeout:g} s; "
                                 "try again") from None
    except RuntimeError as exc:
        raise ProtocolError(500, str(exc)) from None


def respond(answer: Answer, limit: int) -> Response:
    """The worker's answer as an HTTP response; a cut result says so in its headers."""
    head = answer.head
    if head["status"] != 200:
        return error(head["status"], head.get("message", ""))
    media = head["type"]
    headers = {ROWS_HEADER: str(head.get("rows", ""))} if "rows" in head else {}
    if head.get("truncated"):
        headers[LIMIT_HEADER] = str(limit)
    text = media.startswith("text/") or media.endswith("json")
    return Response(answer.body, media_type=f"{media}; charset=utf-8" if text else media, headers=headers)


async def answer_query(request: Request, query: str, params: dict, graphs: tuple[list, list]) -> Response:
    settings = request.app.state.settings
    check_query(query)
    results_type, graph_type = media_types(request, params)
    job = {"op": "query", "query": query, "results_type": results_type, "graph_type": graph_type,
           "limit": settings.limit, "default_graphs": graphs[0], "named_graphs": graphs[1]}
    return respond(await run_job(request, job), settings.limit)


async def sparql(request: Request) -> Response:
    """GET or POST /sparql, as the SPARQL 1.1 Protocol has it."""
    try:
        pairs, query_body, update_body = await _parameters(request)
        params = dict(pairs)
        graphs = ([v for k, v in pairs if k == "default-graph-uri"], [v for k, v in pairs if k == "named-graph-uri"])
        update = update_body if update_body is not None else params.get("update")
        query = query_body if query_body is not None else params.get("query")
        if update is not None:
            return await answer_update(request, update)
        if query is None:
            if any(media == HTML for media, _ in parse_accept(request.headers.get("accept", ""))):
                return RedirectResponse("/", status_code=303)
            raise ProtocolError(400, "no query: send query=... (GET or POST form) or a POST body of "
                                     f"type {QUERY_BODY}")
        return await answer_query(request, query, params, graphs)
    except ProtocolError as exc:
        return error(exc.status, str(exc))


async def answer_update(request: Request, update: str) -> Response:
    if not request.app.state.settings.allow_update:
        raise ProtocolError(403, "updates are refused: this endpoint is read-only (start jbzgraph serve "
                                 "with --allow-update to accept them)")
    if request.method != "POST":
        raise ProtocolError(405, "an update must be POSTed")
    answer = await run_job(request, {"op": "update", "update": update})
    return Response(status_code=204) if answer.status == 204 else respond(answer, 0)


async def library(request: Request) -> Response:
    """GET or POST /library/NAME?PARAM=VALUE: a query of queries/ with its parameters bound
    the way ``jbzgraph query -p`` binds them (each value an escaped RDF term in its slots)."""
    name = request.path_params["name"]
    try:
        pairs, _, _ = await _parameters(request)
        params = dict(pairs)
        if name not in list_queries():
            raise ProtocolError(404, f"no query named {name!r}; known: {', '.join(list_queries())}")
        given = {k: v for k, v in params.items() if k != "format" and v != ""}
        try:
            query = bound_query(name, load_query(name), given)
        except QueryError as exc:
            raise ProtocolError(400, exc.problem) from None
        return await answer_query(request, query, params, ([], []))
    except ProtocolError as exc:
        return error(exc.status, str(exc))
