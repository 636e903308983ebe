"""Dereferencing: ``/id/...`` is the resource ``{base}id/...`` (and ``/resource?iri=`` any
other IRI the store holds), as an HTML page or as Turtle, JSON-LD (the project's context)
or N-Triples, by ``Accept`` or ``format=``. An IRI the store does not hold is a 404."""

import json

import pyoxigraph as ox
from rdflib.namespace import RDFS, SKOS
from starlette.requests import Request
from starlette.responses import Response

from jbzgraph.namespace import JBZ
from jbzgraph.serve import describe
from jbzgraph.serve.letters import letter_text, segments
from jbzgraph.serve.negotiate import HTML, by_name, negotiate
from jbzgraph.serve.pages import local_url, render
from jbzgraph.serve.results import GRAPH_TYPES
from jbzgraph.serve.sparql import ProtocolError, error, respond, run_job

OFFERS = [HTML, GRAPH_TYPES["ttl"], GRAPH_TYPES["jsonld"], GRAPH_TYPES["nt"]]
VARY = {"Vary": "Accept"}
PAGE_ROWS = 1000  # properties, and links in, an HTML page lists at most (the RDF has up to --limit)


def requested_iri(request: Request) -> str:
    base = request.app.state.settings.base
    if "path" in request.path_params:
        return f"{base}id/{request.path_params['path']}"
    iri = request.query_params.get("iri", "")
    if "://" not in iri:
        raise ProtocolError(400, "give the resource as /resource?iri=ABSOLUTE-IRI")
    return iri


def media_type(request: Request) -> str:
    if request.query_params.get("format"):
        media = by_name(request.query_params["format"], OFFERS)
        if media is None:
            raise ProtocolError(400, f"unknown format {request.query_params['format']!r}: use html, ttl, jsonld or nt")
        return media
    media = negotiate(request.headers.get("accept"), OFFERS)
    if media is None:
        raise ProtocolError(406, f"a resource is served as {', '.join(OFFERS)}")
    return media


async def resource(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        iri = requested_iri(request)
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise ProtocolError(400, f"not an IRI: {iri}") from None
        media = media_type(request)
        if media != HTML:
            job = {"op": "rdf", "iri": iri, "graph_type": media, "limit": settings.limit}
            response = respond(await run_job(request, job), settings.limit)
            response.headers.update(VARY)
            return response
        job = {"op": "describe", "iri": iri, "queries": describe.queries(iri, _page_rows(settings))}
        answer = await run_job(request, job)
    except ProtocolError as exc:
        return error(exc.status, str(exc), VARY)
    if answer.status == 404:
        return render("missing.html", status=404, headers=VARY, iri=iri)
    if answer.status != 200:
        return error(answer.status, answer.head.get("message", ""), VARY)
    return render("resource.html", headers=VARY, **page(request, iri, json.loads(answer.body)))


def _page_rows(settings) -> int:
    return min(PAGE_ROWS, settings.limit)


def _term(binding: dict, ranked: dict | None, base: str) -> dict:
    """A term as the template shows it: text, link (for an IRI), language or datatype."""
    if binding["type"] == "uri":
        iri = binding["value"]
        return {"iri": iri, "href": local_url(iri, base), "label": describe.label(ranked)}
    if binding["type"] == "bnode":
        return {"text": f"_:{binding['value']}"}
    return {"text": binding["value"], "lang": binding.get("xml:lang", ""), "datatype": binding.get("datatype", "")}


def _span_link(letter: str, start: str, end: str, base: str) -> str:
    return f"{local_url(letter, base)}?span={start}-{end}#span-{start}-{end}"


def _summary(types: list[dict], properties: list[dict]) -> str:
    """A title for a resource without a label (a statement): its type and what it is about."""
    about = [row["o"].get("label") or row["o"].get("text", "") for row in properties
             if row["p"].get("iri") in describe.ABOUT_PROPERTIES]
    kind = types[0]["label"] if types and types[0].get("label") else "resource"
    return f"{kind}: {' · '.join(a for a in about if a)}" if any(about) else kind


def page(request: Request, iri: str, parts: dict) -> dict:
    """The values of ``resource.html`` for one resource."""
    settings = request.app.state.settings
    base, value = settings.base, describe.value
    out, incoming = parts["outgoing"], parts["incoming"]
    types = [_term(r["o"], r.get("o_label"), base) for r in out if value(r["p"]) == describe.RDF_TYPE]
    properties = [{"p": _term(r["p"], r.get("p_label"), base), "o": _term(r["o"], r.get("o_label"), base)}
                  for r in out if value(r["p"]) != describe.RDF_TYPE]
    links = [{"s": _term(r["s"], r.get("s_label"), base), "p": _term(r["p"], r.get("p_label"), base)} for r in incoming]
    evidence = [{"quote": value(r["quote"]), "source": value(r["source"]), "letter": _term(r["letter"], None, base),
                 "href": _span_link(value(r["letter"]), value(r["start"]), value(r["end"]), base)}
                for r in parts["evidence"]]
    labels = describe.labels_of(out, str(SKOS.prefLabel)) or describe.labels_of(out, str(RDFS.label))
    title = next((labels[lang][0] for lang in ("nl", "en", "") if labels.get(lang)), None) or _summary(types, properties)
    values = {"iri": iri, "title": title, "labels": labels, "types": types, "properties": properties,
              "incoming": links, "evidence": evidence, "limit": _page_rows(settings),
              "cut": len(out) >= _page_rows(settings) or len(incoming) >= _page_rows(settings),
              "rdf_links": {name: f"{local_url(iri, base)}{'&' if '?' in local_url(iri, base) else '?'}format={name}"
                            for name in ("ttl", "jsonld", "nt")}}
    if any(t["iri"] == str(JBZ.Letter) for t in types):
        values["letter"] = letter_view(request, out, parts["statements"])
    return values


def letter_view(request: Request, out: list[dict], statements: list[dict]) -> dict:
    """A letter's text with its statements' spans marked, and the statements listed."""
    settings = request.app.state.settings
    base, value = settings.base, describe.value
    own = {value(r["p"]): value(r["o"]) for r in out}
    listed = [{"type": _term(r["type"], None, base), "about": value(r.get("about")), "quote": value(r["quote"]),
               "href": local_url(value(r["st"]), base), "span": f"{value(r['start'])}-{value(r['end'])}"}
              for r in statements]
    text = letter_text(settings.letters, own.get(str(JBZ.source), ""), own.get(str(JBZ.sha256), ""))
    spans = [(int(value(r["start"])), int(value(r["end"]))) for r in statements]
    return {"statements": listed, "source": own.get(str(JBZ.source), ""), "focus": request.query_params.get("span", ""),
            "segments": segments(text, spans) if text is not None else None}
