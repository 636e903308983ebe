"""Dumps of the store in the standard RDF formats, and a VoID + DCAT description of them.

TriG and N-Quads keep the named graphs (one per letter, plus the ontology and the KB);
Turtle and N-Triples hold the union of all graphs; JSON-LD keeps the graphs and uses the
project's context (``ontology/context.jsonld``, also written beside a full export).
"""

import json
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from jbzgraph.namespace import GRAPH, JBZ, JBZID
from jbzgraph.paths import ONTOLOGY_DIR
from jbzgraph.store.embedded import EmbeddedStore

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
FORMATS = sorted([*QUAD_FORMATS, *TRIPLE_FORMATS, "jsonld"])
MEDIA_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples", "trig": "application/trig",
               "nq": "application/n-quads", "jsonld": "application/ld+json"}
LICENCE = "https://joinup.ec.europa.eu/licence/european-union-public-licence-version-12-or-later-eupl"
DATASET = f"{JBZID}dataset"


def context() -> dict:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def prefixes() -> dict[str, str]:
    return {k: v for k, v in context().items() if isinstance(v, str) and v.startswith("http")}


def _union_triples(store: EmbeddedStore) -> list[ox.Triple]:
    seen = {ox.Triple(q.subject, q.predicate, q.object) for q in store.store}
    return sorted(seen, key=str)


def dump(store: EmbeddedStore, fmt: str) -> bytes:
    if fmt in QUAD_FORMATS:
        return ox.serialize(sorted(store.store, key=str), format=QUAD_FORMATS[fmt], prefixes=prefixes())
    if fmt in TRIPLE_FORMATS:
        return ox.serialize(_union_triples(store), format=TRIPLE_FORMATS[fmt],
                            prefixes=prefixes() if fmt == "ttl" else None)
    if fmt == "jsonld":
        import rdflib

        ds = rdflib.Dataset()
        ds.parse(data=ox.serialize(store.store, format=ox.RdfFormat.N_QUADS), format="nquads")
        return ds.serialize(format="json-ld", context=context(), indent=1).encode()
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _count(store: EmbeddedStore, sparql: str) -> list[dict]:
    columns, rows = store.select(sparql)
    return [{c: (r[c].value if r[c] is not None else "") for c in columns} for r in rows]


def describe(store: EmbeddedStore, endpoint: str | None = None, files: dict[str, str] | None = None,
             created: datetime | None = None) -> bytes:
    """VoID + DCAT in Turtle: what is in the store, counted, and where to get it."""
    created = created or datetime.now(timezone.utc)
    stats = _count(store, """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
        (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?o) AS ?objects)
        WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }""")[0]
    classes = _count(store, """SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?class }
        GROUP BY ?class ORDER BY ?class""")
    properties = _count(store, """SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }
        GROUP BY ?p ORDER BY ?p""")
    letters = _count(store, f"""SELECT ?letter ?source WHERE {{ ?letter a <{JBZ.Letter}> ; <{JBZ.source}> ?source }}
        ORDER BY ?source""")
    example = _count(store, f"SELECT ?x WHERE {{ ?x a <{JBZ.Position}> }} ORDER BY ?x LIMIT 1")
    graphs = {g: store.graph_size(g) for g in store.graphs()}

    D = ox.NamedNode(DATASET)
    void, dcat, dct, xsd = ("http://rdfs.org/ns/void#", "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/",
                            "http://www.w3.org/2001/XMLSchema#")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples: list[ox.Triple] = []

    def add(s, p, o):
        triples.append(ox.Triple(s, ox.NamedNode(p), o))

    def integer(n) -> ox.Literal:
        return ox.Literal(str(n), datatype=ox.NamedNode(xsd + "integer"))

    add(D, str(rdf_type.value), ox.NamedNode(void + "Dataset"))
    add(D, str(rdf_type.value), ox.NamedNode(dcat + "Dataset"))
    add(D, dct + "title", ox.Literal("jbzgraph: the JHA Council in Dutch government letters", language="en"))
    add(D, dct + "description", ox.Literal(
        "Positions, procedural events, groups of states, mentions and citations read from Dutch government "
        "letters to parliament about the EU Justice and Home Affairs Council; every statement with the text "
        "span that says it.", language="en"))
    add(D, dct + "license", ox.NamedNode(LICENCE))
    add(D, dct + "created", ox.Literal(created.isoformat(timespec="seconds"), datatype=ox.NamedNode(xsd + "dateTime")))
    add(D, void + "triples", integer(stats["triples"]))
    add(D, void + "distinctSubjects", integer(stats["subjects"]))
    add(D, void + "distinctObjects", integer(stats["objects"]))
    add(D, void + "properties", integer(stats["properties"]))
    add(D, void + "classes", integer(len(classes)))
    add(D, void + "uriSpace", ox.Literal(str(JBZID)))
    add(D, void + "vocabulary", ox.NamedNode(str(JBZ._NS)))
    for vocabulary in ("http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/",
                       "http://www.w3.org/ns/prov#", "http://data.europa.eu/eli/ontology#"):
        add(D, void + "vocabulary", ox.NamedNode(vocabulary))
    if example:
        add(D, void + "exampleResource", ox.NamedNode(example[0]["x"]))
    if endpoint:
        add(D, void + "sparqlEndpoint", ox.NamedNode(endpoint))
    for row in letters:
        add(D, dct + "source", ox.NamedNode(row["letter"]))
    for i, row in enumerate(classes):
        part = ox.NamedNode(f"{DATASET}/class/{i}")
        add(D, void + "classPartition", part)
        add(part, void + "class", ox.NamedNode(row["class"]))
        add(part, void + "entities", integer(row["n"]))
    for i, row in enumerate(properties):
        part = ox.NamedNode(f"{DATASET}/property/{i}")
        add(D, void + "propertyPartition", part)
        add(part, void + "property", ox.NamedNode(row["p"]))
        add(part, void + "triples", integer(row["n"]))
    for graph, size in graphs.items():
        part = ox.NamedNode(f"{DATASET}/graph/{graph[len(str(GRAPH)):]}")
        add(D, void + "subset", part)
        add(part, str(rdf_type.value), ox.NamedNode(void + "Dataset"))
        add(part, dct + "identifier", ox.Literal(graph))
        add(part, void + "triples", integer(size))
    for fmt, name in (files or {}).items():
        dist = ox.NamedNode(f"{DATASET}/distribution/{fmt}")
        add(D, dcat + "distribution", dist)
        add(dist, str(rdf_type.value), ox.NamedNode(dcat + "Distribution"))
        add(dist, dcat + "mediaType", ox.Literal(MEDIA_TYPES[fmt]))
        add(dist, dcat + "downloadURL", ox.Literal(name))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes={"void": void, "dcat": dcat, "dct": dct, "xsd": xsd})


def export_all(store: EmbeddedStore, folder: Path, endpoint: str | None = None) -> dict[str, Path]:
    """Every format, the JSON-LD context and the description, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt in FORMATS:
        path = folder / f"jbzgraph.{fmt}"
        path.write_bytes(dump(store, fmt))
        written[fmt] = path
    written["context"] = folder / "context.jsonld"
    written["context"].write_text(CONTEXT_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    written["void"] = folder / "void.ttl"
    written["void"].write_bytes(describe(store, endpoint, {f: p.name for f, p in written.items() if f in FORMATS}))
    return written
