"""Step 5: statements to quads — the only place that knows RDF terms."""

from jbzgraph.rdf.build import KB_GRAPH, ONTOLOGY_GRAPH, extraction_quads, kb_quads, vocabulary_version

__all__ = ["KB_GRAPH", "ONTOLOGY_GRAPH", "extraction_quads", "kb_quads", "vocabulary_version"]
