"""What a resource page shows, read from the store in one worker job: the resource's
properties, the links into it, the evidence span behind a statement, and a letter's
statements with their spans. Every linked resource comes with one label, ranked the way
the library queries rank them (Dutch, then English, then without a language, then any)."""

import pyoxigraph as ox
from rdflib.namespace import FOAF, RDF, RDFS, SKOS

from jbzgraph.namespace import JBZ

RDF_TYPE = str(RDF.type)
LABELS = f"<{SKOS.prefLabel}>|<{RDFS.label}>|<{FOAF.name}>"
RANK = ('CONCAT(IF(LANGMATCHES(LANG({v}), "nl"), "1", IF(LANGMATCHES(LANG({v}), "en"), "2", '
        'IF(LANG({v}) = "", "3", "4"))), STR({v}))')
# Properties whose objects say what a statement is about, in a letter's list of statements.
ABOUT_PROPERTIES = [str(JBZ[p]) for p in ("holder", "stance", "target", "instrument", "stage", "body", "refersTo",
                                           "signer", "cites", "group", "member", "motion", "askedBy")]
ABOUT = "|".join(f"<{p}>" for p in ABOUT_PROPERTIES)


def queries(iri: str, limit: int) -> dict[str, str]:
    """The SELECTs of a resource page; ``iri`` is checked and escaped as an RDF term."""
    node = str(ox.NamedNode(iri))
    return {
        "outgoing": f"""SELECT ?p ?o (MIN({RANK.format(v='?l')}) AS ?o_label) (MIN({RANK.format(v='?pl')}) AS ?p_label)
            WHERE {{ {{ SELECT DISTINCT ?p ?o WHERE {{ {node} ?p ?o }} LIMIT {limit} }}
                     OPTIONAL {{ ?o {LABELS} ?l }} OPTIONAL {{ ?p {LABELS} ?pl }} }}
            GROUP BY ?p ?o ORDER BY ?p ?o""",
        "incoming": f"""SELECT ?s ?p (MIN({RANK.format(v='?l')}) AS ?s_label) (MIN({RANK.format(v='?pl')}) AS ?p_label)
            WHERE {{ {{ SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {node} }} LIMIT {limit} }}
                     OPTIONAL {{ ?s {LABELS} ?l }} OPTIONAL {{ ?p {LABELS} ?pl }} }}
            GROUP BY ?s ?p ORDER BY ?p ?s""",
        "evidence": f"""SELECT DISTINCT ?ev ?quote ?start ?end ?letter ?source WHERE {{
            {{ {node} <{JBZ.evidence}> ?ev }} UNION {{ BIND ({node} AS ?ev) ?ev a <{JBZ.Evidence}> }}
            ?ev <{JBZ.quote}> ?quote ; <{JBZ.start}> ?start ; <{JBZ.end}> ?end ; <{JBZ.inLetter}> ?letter .
            ?letter <{JBZ.source}> ?source }} ORDER BY ?start""",
        "statements": f"""SELECT ?st ?type ?start ?end ?quote (GROUP_CONCAT(DISTINCT ?what; separator=" · ") AS ?about)
            WHERE {{ ?st <{JBZ.inLetter}> {node} ; a ?type ; <{JBZ.evidence}> ?ev .
                     ?ev <{JBZ.start}> ?start ; <{JBZ.end}> ?end ; <{JBZ.quote}> ?quote .
                     OPTIONAL {{ ?st {ABOUT} ?o . OPTIONAL {{ ?o <{JBZ.key}>|<{SKOS.notation}> ?k }}
                                OPTIONAL {{ ?o <{RDFS.label}> ?rl }}
                                BIND (STR(COALESCE(?k, ?rl, ?o)) AS ?what) }} }}
            GROUP BY ?st ?type ?start ?end ?quote ORDER BY ?start ?end ?st""",
    }


def value(binding: dict | None) -> str:
    return binding["value"] if binding else ""


def label(ranked: dict | None) -> str:
    """The label out of a ranked ``MIN(CONCAT(rank, label))``."""
    return value(ranked)[1:]


def labels_of(outgoing: list[dict], predicate: str) -> dict[str, list[str]]:
    """The resource's own labels by language, from its outgoing properties."""
    found: dict[str, list[str]] = {}
    for row in outgoing:
        if value(row.get("p")) == predicate and row["o"]["type"] == "literal":
            found.setdefault(row["o"].get("xml:lang", ""), []).append(row["o"]["value"])
    return found
