"""Generate the knowledge base ``ontology/kb/*.ttl`` from ``ontology/sources/``.

The sources are the EU Publications Office authority tables (countries, events), the
shared vocabulary CSVs and our own curated CSVs (organisations, instruments, places,
persons, concepts). Running this script twice gives byte-identical files; a test checks
that the committed KB is what the script makes, so the KB is never edited by hand.

    python scripts/build_kb.py [--out DIR]
"""

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

from rdflib import OWL, RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, SKOS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jbzgraph.namespace import JBZ, JBZID  # noqa: E402
from jbzgraph.rdf.iris import slug  # noqa: E402

SOURCES = ROOT / "ontology" / "sources"
OP_COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")
OP_EVENT = Namespace("http://publications.europa.eu/resource/authority/event/")
OP_CORPORATE = Namespace("http://publications.europa.eu/resource/authority/corporate-body/")
CELLAR_CELEX = Namespace("http://publications.europa.eu/resource/celex/")
AT = Namespace("http://publications.europa.eu/ontology/authority/")
ORG = Namespace("http://www.w3.org/ns/org#")
DCT = Namespace("http://purl.org/dc/terms/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

ISO3_RE = re.compile(r"^[A-Z]{3}$")
NOTE_RE = re.compile(r"\s*\[[^\]]*\]")
ELI_RE = re.compile(r"/eli/[a-z_]+/(\d{4})/(\d+)/")
COM_RE = re.compile(r"^(?:COM|C|SWD|JOIN)\(\d{4}\)\s*\d+$")
PROCEDURE_RE = re.compile(r"^\d{4}/\d{4}\((?:COD|CNS|NLE|APP)\)$")


def nfkc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def split(cell: str) -> list[str]:
    return [nfkc(v) for v in (cell or "").split("|") if v.strip()]


def rows(name: str) -> list[dict[str, str]]:
    with open(SOURCES / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in (("jbz", JBZ), ("jbzid", JBZID), ("skos", SKOS), ("foaf", FOAF), ("org", ORG),
                       ("dct", DCT), ("eli", ELI), ("owl", OWL), ("country", OP_COUNTRY),
                       ("event", OP_EVENT), ("corporate", OP_CORPORATE),
                       ("celex", CELLAR_CELEX)):
        g.bind(prefix, ns)
    return g


def add_labels(g: Graph, node: URIRef, pref_nl: str, pref_en: str, alts_nl=(), alts_en=(), hidden=()):
    """Preferred labels once per language; everything else as alt/hidden labels (the gazetteer)."""
    if pref_nl:
        g.add((node, SKOS.prefLabel, Literal(pref_nl, lang="nl")))
    if pref_en:
        g.add((node, SKOS.prefLabel, Literal(pref_en, lang="en")))
    for alt in alts_nl:
        if alt != pref_nl:
            g.add((node, SKOS.altLabel, Literal(alt, lang="nl")))
    for alt in alts_en:
        if alt != pref_en:
            g.add((node, SKOS.altLabel, Literal(alt, lang="en")))
    for h in hidden:
        g.add((node, SKOS.hiddenLabel, Literal(h)))


def countries() -> Graph:
    """Every current country of the OP authority table, with its Dutch and English labels.

    ``countries.csv`` adds the Dutch adjectives and our preferred Dutch name; the member
    states are those with an EU protocol order. ``country_aliases.csv`` adds short forms
    ("VS") and drops labels that are ordinary Dutch words ("Man") or entries that are no
    country ("*": the table lists the EU itself).
    """
    op = Graph().parse(SOURCES / "op-authority-countries-skos.rdf")
    curated = {r["iso3"]: r for r in rows("countries.csv")}
    aliases = {r["iso3"]: r for r in rows("country_aliases.csv")}
    g = new_graph()
    for node in sorted(set(op.subjects(RDF.type, SKOS.Concept))):
        iso3 = str(node).rsplit("/", 1)[-1]
        if not ISO3_RE.match(iso3) or str(op.value(node, AT.deprecated)) == "true":
            continue
        extra = aliases.get(iso3, {})
        excluded = set(split(extra.get("excluded_labels", "")))
        if "*" in excluded:  # not a country (the table lists the EU itself)
            continue
        row = curated.get(iso3, {})
        member = row.get("eu_member") == "yes" or str(op.value(node, AT["protocol.order"]) or "").startswith("EU-")
        g.add((node, RDF.type, JBZ.MemberState if member else JBZ.ThirdCountry))
        g.add((node, JBZ.key, Literal(iso3)))
        g.add((node, SKOS.notation, Literal(iso3)))
        op_nl = sorted(nfkc(str(o)) for o in op.objects(node, SKOS.prefLabel) if o.language == "nl")
        en = sorted(nfkc(str(o)) for o in op.objects(node, SKOS.prefLabel) if o.language == "en")
        alts_nl = op_nl + [nfkc(str(o)) for o in op.objects(node, SKOS.altLabel) if o.language == "nl"]
        pref_nl = nfkc(row["name_nl"]) if row else (op_nl[0] if op_nl else "")
        if pref_nl in excluded:
            pref_nl = ""
        alts_nl = sorted({a for a in alts_nl + split(extra.get("aliases_nl", "")) if a not in excluded})
        add_labels(g, node, pref_nl, en[0] if en else "", alts_nl)
        for adj in split(row.get("adjectives_nl", "")):
            g.add((node, JBZ.adjective, Literal(adj, lang="nl")))
    return g


def organisations() -> Graph:
    g = new_graph()
    for r in rows("organisations.csv"):
        node = JBZID[f"org/{r['key']}"]
        g.add((node, RDF.type, JBZ[r["class"]]))
        g.add((node, JBZ.key, Literal(r["key"])))
        nl, en = split(r["labels_nl"]), split(r["labels_en"])
        add_labels(g, node, nl[0], en[0] if en else "", nl[1:], en[1:], split(r["hidden"]))
        if r["op_code"]:
            g.add((node, SKOS.exactMatch, OP_CORPORATE[r["op_code"]]))
    multiple = JBZID["org/MULTIPLE"]
    g.add((multiple, RDF.type, JBZ.UnnamedGroupOfStates))
    g.add((multiple, JBZ.key, Literal("MULTIPLE")))
    add_labels(g, multiple, "meerdere lidstaten", "several member states")
    return g


def _identifiers(shared: dict[str, str]) -> dict:
    """CELEX, ELI, act number, COM and procedure references from the shared instrument table."""
    ids: dict[str, list[str]] = {"celex": [], "eli": [], "actNumber": [], "comReference": [], "procedureReference": []}
    if shared.get("celex"):
        ids["celex"].append(shared["celex"])
    if shared.get("eli"):
        ids["eli"].append(shared["eli"])
        m = ELI_RE.search(shared["eli"])
        if m:
            ids["actNumber"].append(f"{m.group(1)}/{m.group(2)}")
    for ref in (v.strip() for v in (shared.get("com_ref") or "").split(";")):
        if COM_RE.match(ref):
            ids["comReference"].append(ref)
        elif PROCEDURE_RE.match(ref):
            ids["procedureReference"].append(ref)
    return ids


def instruments() -> Graph:
    """Curated labels and classes, joined with the identifiers of ``instruments.csv`` by key."""
    shared = {r["key"]: r for r in rows("instruments.csv")}
    g = new_graph()
    for r in rows("instruments_curated.csv"):
        key = r["key"]
        ids = _identifiers(shared.get(key, {}))
        node = URIRef(ids["eli"][0]) if ids["eli"] else JBZID[f"instrument/{key}"]
        g.add((node, RDF.type, JBZ[r["class"]]))
        g.add((node, JBZ.key, Literal(key)))
        acronyms = split(r["acronyms"])
        for a in acronyms:
            g.add((node, JBZ.acronym, Literal(a)))
        long_nl = NOTE_RE.sub("", shared.get(key, {}).get("name_nl", "")).strip()
        alts = split(r["alt_labels"]) + ([nfkc(long_nl)] if long_nl else [])
        add_labels(g, node, nfkc(r["pref_nl"]), nfkc(r["pref_en"]), alts, hidden=acronyms)
        long_en = shared.get(key, {}).get("name_en", "")
        if long_en:
            g.add((node, DCT.title, Literal(nfkc(long_en), lang="en")))
        for prop in ("celex", "actNumber", "comReference", "procedureReference"):
            for v in ids[prop]:
                g.add((node, JBZ[prop], Literal(v)))
        for v in ids["eli"]:
            g.add((node, JBZ.eli, URIRef(v)))
            g.add((node, RDF.type, ELI.LegalResource))
        if not ids["eli"]:
            # Our own IRI, so point at the EU Publications Office's resource for the document.
            for v in ids["celex"]:
                g.add((node, SKOS.exactMatch, CELLAR_CELEX[v]))
    return g


def places() -> Graph:
    g = new_graph()
    for r in rows("places.csv"):
        node = JBZID[f"place/{slug(r['name_en'])}"]
        g.add((node, RDF.type, JBZ.Place))
        nl = split(r["labels_nl"])
        add_labels(g, node, nl[0], r["name_en"], nl[1:], [])
    return g


def persons() -> Graph:
    g = new_graph()
    for r in rows("persons.csv"):
        node = JBZID[f"person/{slug(r['name'])}"]
        g.add((node, RDF.type, JBZ.Person))
        g.add((node, FOAF.name, Literal(r["name"])))
        g.add((node, FOAF.familyName, Literal(r["family_name"])))
        add_labels(g, node, r["name"], "", split(r["aliases"]))
        for office in split(r["office_nl"]):
            g.add((node, ORG.holds, Literal(office, lang="nl")))
    return g


SCHEMES = {
    "stance": (JBZ.Stance, "stances", "Stances", "Standpunten"),
    "stage": (JBZ.ProceduralStage, "stages", "Procedural stages", "Procedurele fasen"),
    "doctype": (JBZ.DocumentType, "document-types", "Document types", "Documentsoorten"),
    "refkind": (JBZ.ReferenceKind, "reference-kinds", "Reference kinds", "Soorten verwijzingen"),
}


def schemes() -> Graph:
    g = new_graph()
    for kind, (cls, name, en, nl) in SCHEMES.items():
        scheme = JBZID[f"scheme/{name}"]
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        add_labels(g, scheme, nl, en)
    for r in rows("concepts.csv"):
        cls, name, _, _ = SCHEMES[r["scheme"]]
        node = JBZID[f"{r['scheme']}/{r['notation']}"]
        g.add((node, RDF.type, cls))
        g.add((node, SKOS.inScheme, JBZID[f"scheme/{name}"]))
        g.add((node, SKOS.notation, Literal(r["notation"])))
        add_labels(g, node, r["label_nl"], r["label_en"], split(r["alt_nl"]))
        if r["op_event"]:
            g.add((node, SKOS[r["match"]], OP_EVENT[r["op_event"]]))
    return g



def lexicon() -> Graph:
    """The words the extractors read: cues of stances and stages, policy head nouns on the
    instrument classes, holder words on actors. Subjects are ``class/Name`` (an ontology
    class), ``country/ISO3``, or a path under the id namespace (``stance/support``)."""
    g = new_graph()
    for r in rows("lexicon.csv"):
        kind, _, name = r["subject"].partition("/")
        node = JBZ[name] if kind == "class" else OP_COUNTRY[name] if kind == "country" else JBZID[r["subject"]]
        g.add((node, JBZ[r["property"]], Literal(nfkc(r["cue"]), lang="nl")))
    return g


BUILDERS = {
    "countries": countries,
    "organisations": organisations,
    "instruments": instruments,
    "places": places,
    "persons": persons,
    "schemes": schemes,
    "lexicon": lexicon,
}


def build(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in BUILDERS.items():
        path = out / f"{name}.ttl"
        header = "# Generated by scripts/build_kb.py from ontology/sources/ -- do not edit by hand.\n"
        path.write_text(header + make().serialize(format="turtle"), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "ontology" / "kb")
    args = parser.parse_args()
    for path in build(args.out):
        print(path)


if __name__ == "__main__":
    main()
