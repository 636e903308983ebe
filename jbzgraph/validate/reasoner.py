"""Check the ontology and knowledge base with the HermiT OWL reasoner (via owlready2).

HermiT accepts only the OWL 2 datatype map, which lacks ``xsd:date``; the ontology keeps
``xsd:date`` ranges for SHACL and SPARQL, so the reasoner is given a copy in which such
ranges are widened to ``rdfs:Literal``. owlready2 cannot read Turtle, hence RDF/XML.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import SKOS

from jbzgraph.errors import JbzError
from jbzgraph.paths import KB_DIR, ONTOLOGY_FILE

OUTSIDE_OWL2_MAP = {XSD.date, XSD.gYear, XSD.gYearMonth, XSD.time, XSD.duration}


@dataclass
class ReasonerReport:
    consistent: bool
    inconsistent_classes: list[str]
    inferred: dict[str, list[str]]  # individual IRI -> entailed classes beyond the asserted ones


def reasoner_input(ontology: Path = ONTOLOGY_FILE, kb_dir: Path = KB_DIR) -> Graph:
    g = Graph().parse(ontology)
    for f in sorted(Path(kb_dir).glob("*.ttl")):
        g.parse(f)
    for prop, dtype in list(g.subject_objects(RDFS.range)):
        if dtype in OUTSIDE_OWL2_MAP:
            g.remove((prop, RDFS.range, dtype))
            g.add((prop, RDFS.range, RDFS.Literal))
    return g


def _individual_iris(graph: Graph) -> list[str]:
    """Subjects typed with a class that is not an OWL/RDFS/SKOS meta-class (owlready2 only
    lists individuals declared ``owl:NamedIndividual``, which the KB does not do)."""
    meta = (str(OWL), str(RDFS), str(SKOS.ConceptScheme))
    return sorted({str(s) for s, t in graph.subject_objects(RDF.type)
                   if isinstance(s, URIRef) and not str(t).startswith(meta)})


def check(ontology: Path = ONTOLOGY_FILE, kb_dir: Path = KB_DIR) -> ReasonerReport:
    """Run HermiT over ontology + KB; a JbzError if the reasoner cannot run at all."""
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "jbzgraph.owl"
        graph = reasoner_input(ontology, kb_dir)
        graph.serialize(path, format="xml")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        individuals = [world[iri] for iri in _individual_iris(graph)]
        individuals = [ind for ind in individuals if isinstance(ind, owlready2.Thing)]
        before = {ind.iri: {c.iri for c in ind.is_a if hasattr(c, "iri")} for ind in individuals}
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return ReasonerReport(False, [], {})
        except (owlready2.OwlReadyJavaError, FileNotFoundError) as exc:
            raise JbzError(ontology, f"HermiT could not run: {str(exc).splitlines()[0]}") from None
        inferred = {}
        for ind in individuals:
            now = {c.iri for c in ind.INDIRECT_is_a if hasattr(c, "iri") and c is not owlready2.Thing}
            added = sorted(now - before.get(ind.iri, set()))
            if added:
                inferred[ind.iri] = added
        bad = sorted(c.iri for c in world.inconsistent_classes())
        return ReasonerReport(not bad, bad, inferred)
