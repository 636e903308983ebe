"""Dumps of the store in the standard RDF formats.

TriG and N-Quads keep the named graphs (one per letter); Turtle and N-Triples hold the
union of all graphs; JSON-LD is written by rdflib with the project's prefixes as context.
"""

import pyoxigraph as ox

from jbzgraph.store.embedded import EmbeddedStore

PREFIXES = {
    "jbz": "https://w3id.org/jbzgraph/ontology#",
    "jbzid": "https://w3id.org/jbzgraph/id/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "country": "http://publications.europa.eu/resource/authority/country/",
    "eli": "http://data.europa.eu/eli/",
}
QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
FORMATS = sorted([*QUAD_FORMATS, *TRIPLE_FORMATS, "jsonld"])


def _union_triples(store: EmbeddedStore) -> list[ox.Triple]:
    seen = {ox.Triple(q.subject, q.predicate, q.object) for q in store.store}
    return sorted(seen, key=str)


def dump(store: EmbeddedStore, fmt: str) -> bytes:
    if fmt in QUAD_FORMATS:
        return ox.serialize(sorted(store.store, key=str), format=QUAD_FORMATS[fmt], prefixes=PREFIXES)
    if fmt in TRIPLE_FORMATS:
        prefixes = PREFIXES if fmt == "ttl" else None
        return ox.serialize(_union_triples(store), format=TRIPLE_FORMATS[fmt], prefixes=prefixes)
    if fmt == "jsonld":
        import rdflib

        ds = rdflib.Dataset()
        ds.parse(data=ox.serialize(store.store, format=ox.RdfFormat.N_QUADS), format="nquads")
        return ds.serialize(format="json-ld", context=PREFIXES, indent=1).encode()
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
