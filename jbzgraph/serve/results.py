"""SPARQL results and graphs as the bytes of a media type (SPARQL 1.1 Query Results JSON,
XML, CSV and TSV; Turtle, N-Triples, JSON-LD with the project's context).

Written here rather than by pyoxigraph's serialisers because the endpoint cuts a result at
its row limit: these take the rows already read, not the whole result.
"""

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}
# The workers import this module and no more than pyoxigraph, so not rdflib's namespaces.
XSD_STRING = ox.Literal("").datatype.value  # a plain literal's datatype, xsd:string
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def binding(term) -> dict:
    """A term as a SPARQL JSON results binding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        found = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            found["datatype"] = term.datatype.value
        return found
    return {"type": "triple", "value": {"subject": binding(term.subject), "predicate": binding(term.predicate),
                                        "object": binding(term.object)}}


def _csv_text(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def select_body(variables: list[str], rows: list[list], media: str) -> bytes:
    """The rows (terms or None, in the order of ``variables``) in the results format ``media``."""
    if media == RESULT_TYPES["json"]:
        bindings = [{v: binding(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode()
    if media == RESULT_TYPES["csv"]:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_text(t) for t in row] for row in rows)
        return buf.getvalue().encode()
    if media == RESULT_TYPES["tsv"]:
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    if media == RESULT_TYPES["xml"]:
        out = ['<?xml version="1.0"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">', "<head>"]
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out += ["</head>", "<results>"]
        for row in rows:
            out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                            for v, t in zip(variables, row) if t is not None) + "</result>")
        out += ["</results>", "</sparql>"]
        return "\n".join(out).encode()
    raise ValueError(f"not a results format: {media}")


def ask_body(value: bool, media: str) -> bytes:
    if media == RESULT_TYPES["json"]:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if media == RESULT_TYPES["xml"]:
        return (f'<?xml version="1.0"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}"><head/>'
                f"<boolean>{str(value).lower()}</boolean></sparql>").encode()
    # CSV and TSV define no boolean; the common convention is one column.
    return f"_askResult\n{str(value).lower()}\n".encode()


def graph_body(triples: list[ox.Triple], media: str, prefixes: dict[str, str], context: dict | None) -> bytes:
    """Triples in an RDF format; JSON-LD compacted with the project's context (as the exports are)."""
    if media == GRAPH_TYPES["ttl"]:
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    if media == GRAPH_TYPES["nt"]:
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if media == GRAPH_TYPES["jsonld"]:
        import rdflib

        graph = rdflib.Graph()
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
        return graph.serialize(format="json-ld", context=context, indent=1).encode()
    raise ValueError(f"not an RDF format: {media}")
