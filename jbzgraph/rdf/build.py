"""Turn an :class:`~jbzgraph.extract.model.Extraction` into the quads of one named graph.

Every statement is an n-ary node (``jbz:Statement`` subclass) linked to the letter
(``jbz:inLetter``), to an ``jbz:Evidence`` span with the exact quote and offsets, to the
rule that produced it and a confidence — so SPARQL can always answer "which sentence
says this?". Persons and instruments the KB does not know are minted here.
"""

import hashlib
from functools import lru_cache

import pyoxigraph as ox

from jbzgraph.extract.model import Evidence, Extraction, Instrument
from jbzgraph.kb import KnowledgeBase
from jbzgraph.namespace import GRAPH, JBZ
from jbzgraph.nlp.persons import family_name
from jbzgraph.paths import KB_DIR, ONTOLOGY_FILE
from jbzgraph.rdf import iris

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
SKOS_ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
DCT_DATE = ox.NamedNode("http://purl.org/dc/terms/date")
FOAF_NAME = ox.NamedNode("http://xmlns.com/foaf/0.1/name")
FOAF_FAMILY = ox.NamedNode("http://xmlns.com/foaf/0.1/familyName")
PROV_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
XSD = "http://www.w3.org/2001/XMLSchema#"

ONTOLOGY_GRAPH = f"{GRAPH}ontology"
KB_GRAPH = f"{GRAPH}kb"

DOC_CLASS = {
    "annotated_agenda": JBZ.AnnotatedAgenda,
    "council_report": JBZ.CouncilReport,
    "written_consultation": JBZ.WrittenConsultation,
    "bnc_fiche": JBZ.BNCFiche,
    "letter": JBZ.OtherLetter,
}


@lru_cache(maxsize=8192)
def n(iri: str) -> ox.NamedNode:
    """The node for an IRI; cached, as the same classes and properties recur in every statement."""
    return ox.NamedNode(str(iri))


def lit(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def typed(value: object, xsd_type: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=n(XSD + xsd_type))


class _Writer:
    """Collects quads for one letter graph."""

    def __init__(self, kb: KnowledgeBase, extraction: Extraction):
        self.kb = kb
        self.x = extraction
        self.source = extraction.letter.source
        self.graph = n(iris.letter_graph(self.source))
        self.letter = n(iris.letter_iri(self.source))
        self.quads: list[ox.Quad] = []
        self.minted: set[str] = set()

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, p if isinstance(p, ox.NamedNode) else n(p), o, self.graph))

    def evidence(self, ev: Evidence) -> ox.NamedNode:
        node = n(iris.evidence_iri(self.source, ev.start, ev.end))
        if node.value not in self.minted:
            self.minted.add(node.value)
            self.add(node, RDF_TYPE, n(JBZ.Evidence))
            self.add(node, JBZ.inLetter, self.letter)
            self.add(node, JBZ.start, typed(ev.start, "integer"))
            self.add(node, JBZ.end, typed(ev.end, "integer"))
            self.add(node, JBZ.quote, lit(ev.quote))
        return node

    def statement(self, cls, kind: str, key: tuple, ev: Evidence, rule: str, confidence: float) -> ox.NamedNode:
        node = n(iris.statement_iri(self.source, kind, *key))
        self.add(node, RDF_TYPE, n(cls))
        self.add(node, JBZ.inLetter, self.letter)
        self.add(node, JBZ.evidence, self.evidence(ev))
        self.add(node, JBZ.rule, lit(rule))
        self.add(node, JBZ.confidence, typed(f"{confidence:.2f}", "decimal"))
        return node

    def person(self, iri: str, name: str) -> ox.NamedNode:
        if iri:
            return n(iri)
        node = n(iris.person_iri(family_name(name)))
        if node.value not in self.minted:
            self.minted.add(node.value)
            self.add(node, RDF_TYPE, n(JBZ.Person))
            self.add(node, FOAF_NAME, lit(name))
            self.add(node, FOAF_FAMILY, lit(family_name(name)))
            self.add(node, RDFS_LABEL, lit(name))
        return node

    def instrument(self, ins: Instrument) -> ox.NamedNode:
        if ins.iri and ins.iri in self.kb.entities:
            return n(ins.iri)
        node = n(ins.iri or iris.instrument_iri(ins.key))
        if node.value not in self.minted:
            self.minted.add(node.value)
            self.add(node, RDF_TYPE, n(JBZ.LegalInstrument))
            if ins.type_name != "LegalInstrument":
                self.add(node, RDF_TYPE, n(JBZ[ins.type_name]))
            self.add(node, JBZ.key, lit(ins.key))
            self.add(node, SKOS_PREF, lit(ins.label, "nl"))
            self.add(node, RDFS_LABEL, lit(ins.label, "nl"))
            for alias in ins.aliases:
                self.add(node, SKOS_ALT, lit(alias, "nl"))
            for prop, value in ins.identifiers:
                self.add(node, JBZ[prop], lit(value))
        return node

    def letter_quads(self) -> None:
        info = self.x.letter
        L = self.letter
        self.add(L, RDF_TYPE, n(JBZ.Letter))
        self.add(L, RDF_TYPE, n(DOC_CLASS[info.doc_type]))
        self.add(L, RDFS_LABEL, lit(info.title or info.source))
        self.add(L, JBZ.source, lit(info.source))
        self.add(L, JBZ.sha256, lit(info.sha256))
        self.add(L, JBZ.docType, n(self.kb.concept("doctype", info.doc_type)))
        if info.date:
            self.add(L, DCT_DATE, typed(info.date.isoformat(), "date"))
        if info.kamerstuk:
            self.add(L, JBZ.kamerstuk, lit(info.kamerstuk))
        if info.our_reference:
            self.add(L, JBZ.ourReference, lit(info.our_reference))
        m = info.meeting
        if m:
            body = self.kb.entities[m.body_iri]
            node = n(iris.meeting_iri(body.key, m.first.isoformat()))
            self.add(L, JBZ.aboutMeeting, node)
            self.add(node, RDF_TYPE, n(JBZ.CouncilMeeting))
            self.add(node, RDFS_LABEL, lit(f"{body.label('nl')} {m.first.isoformat()}", "nl"))
            self.add(node, JBZ.body, n(m.body_iri))
            self.add(node, JBZ.startDate, typed(m.first.isoformat(), "date"))
            self.add(node, JBZ.endDate, typed(m.last.isoformat(), "date"))
            self.add(node, JBZ.informal, typed("true" if m.informal else "false", "boolean"))
            if m.place_iri:
                self.add(node, JBZ.place, n(m.place_iri))
            self.add(node, PROV_DERIVED, L)
            self.add(node, JBZ.evidence, self.evidence(m.evidence))

    def statements(self) -> None:
        for m in self.x.mentions:
            target = (self.person(m.iri, m.name) if m.kind == "person" else
                      self.instrument(m.instrument) if m.instrument is not None else n(m.iri))
            node = self.statement(JBZ.Mention, "mention", (target.value,), m.evidence, m.rule, m.confidence)
            self.add(node, JBZ.refersTo, target)
            self.add(node, JBZ.kind, lit(m.kind))
        for s in self.x.signatories:
            person = self.person(s.person_iri, s.name)
            node = self.statement(JBZ.Signature, "signature", (s.name, s.role), s.evidence, s.rule, 1.0)
            self.add(node, JBZ.signer, person)
            self.add(node, JBZ.role, lit(s.role, "nl"))
            self.add(node, RDFS_LABEL, lit(s.name))
        for c in self.x.citations:
            ref = n(iris.reference_iri(c.kind, c.ref))
            if ref.value not in self.minted:
                self.minted.add(ref.value)
                self.add(ref, RDF_TYPE, n(JBZ.Reference))
                if c.kind == "motion":
                    self.add(ref, RDF_TYPE, n(JBZ.Motion))
                self.add(ref, JBZ.refKind, n(self.kb.concept("refkind", c.kind)))
                self.add(ref, JBZ.refId, lit(c.ref))
                self.add(ref, RDFS_LABEL, lit(c.ref))
            node = self.statement(JBZ.Citation, "citation", (c.kind, c.ref), c.evidence, c.rule, 0.95)
            self.add(node, JBZ.cites, ref)
        for p in self.x.positions:
            key = (p.holder_iri, p.target.ref, p.stance, p.evidence.start)
            node = self.statement(JBZ.Position, "position", key, p.evidence, p.rule, p.confidence)
            self.add(node, JBZ.holder, n(p.holder_iri))
            self.add(node, JBZ.target, self.instrument(p.target))
            self.add(node, JBZ.stance, n(self.kb.concept("stance", p.stance)))
            self.add(node, JBZ.intended, typed("true" if p.intended else "false", "boolean"))
            if p.at_meeting and self.x.letter.meeting:
                meeting = self.x.letter.meeting
                self.add(node, JBZ.atMeeting, n(iris.meeting_iri(self.kb.entities[meeting.body_iri].key,
                                                                 meeting.first.isoformat())))
        for e in self.x.events:
            key = (e.target.ref, e.stage, e.body_iri, e.date, e.evidence.start)
            node = self.statement(JBZ.ProceduralEvent, "event", key, e.evidence, e.rule, e.confidence)
            self.add(node, JBZ.instrument, self.instrument(e.target))
            self.add(node, JBZ.stage, n(self.kb.concept("stage", e.stage)))
            if e.body_iri:
                self.add(node, JBZ.body, n(e.body_iri))
            if e.date:
                self.add(node, DCT_DATE, typed(e.date.isoformat(), "date"))
        self.parliament()
        for i, w in enumerate(self.x.warnings):
            node = n(iris.statement_iri(self.source, "warning", w.code, i))
            self.add(node, RDF_TYPE, n(JBZ.ConsistencyWarning))
            self.add(node, JBZ.inLetter, self.letter)
            self.add(node, JBZ.warningCode, lit(w.code))
            self.add(node, JBZ.message, lit(w.message, "en"))
            if w.evidence:
                self.add(node, JBZ.evidence, self.evidence(w.evidence))
        for mb in self.x.memberships:
            group = n(iris.group_iri(self.source, mb.group_key))
            if group.value not in self.minted:
                self.minted.add(group.value)
                self.add(group, RDF_TYPE, n(JBZ.CountryGroup))
                self.add(group, JBZ.key, lit(mb.group_key))
                self.add(group, RDFS_LABEL, lit(mb.group_label, "nl"))
            node = self.statement(JBZ.Membership, "membership", (mb.group_key, mb.member_iri),
                                  mb.evidence, mb.rule, mb.confidence)
            self.add(node, JBZ.group, group)
            self.add(node, JBZ.member, n(mb.member_iri))

    def about(self, node: ox.NamedNode, instruments) -> None:
        for ins in instruments:
            self.add(node, JBZ.about, self.instrument(ins))

    def motion(self, motion) -> ox.NamedNode:
        node = n(iris.motion_iri(motion.names, motion.number))
        self.add(node, RDF_TYPE, n(JBZ.Motion))
        if node.value not in self.minted:
            self.minted.add(node.value)
            self.add(node, RDF_TYPE, n(JBZ.Reference))
            self.add(node, JBZ.refKind, n(self.kb.concept("refkind", "motion")))
            label = "motie " + "/".join(motion.names) if motion.names else f"motie {motion.number}"
            self.add(node, JBZ.refId, lit(motion.number or label))
            self.add(node, RDFS_LABEL, lit(label, "nl"))
            for name in motion.names:
                self.add(node, JBZ.submittedBy, self.person("", name))
        return node

    def parliament(self) -> None:
        """Questions, answers and commitments of the letter (see :mod:`jbzgraph.extract.parliament`)."""
        question_nodes = []
        for i, q in enumerate(self.x.questions):
            node = self.statement(JBZ.ParliamentaryQuestion, "question", (i,), q.evidence, q.rule, 0.9)
            question_nodes.append(node)
            if q.group:
                group = n(iris.parliamentary_group_iri(q.group))
                if group.value not in self.minted:
                    self.minted.add(group.value)
                    self.add(group, RDF_TYPE, n(JBZ.ParliamentaryGroup))
                    self.add(group, JBZ.key, lit(q.group))
                    self.add(group, RDFS_LABEL, lit(f"{q.group}-fractie", "nl"))
                self.add(node, JBZ.askedBy, group)
            self.about(node, q.about)
        for a in self.x.answers:
            node = self.statement(JBZ.Answer, "answer", (a.question, a.evidence.start), a.evidence, a.rule, 0.9)
            self.add(node, JBZ.answers, question_nodes[a.question])
            self.about(node, a.about)
        for c in self.x.commitments:
            key = (c.kind, c.evidence.start, c.motion)
            node = self.statement(JBZ.Commitment, "commitment", key, c.evidence, c.rule, c.confidence)
            self.add(node, JBZ.commitmentKind, lit(c.kind))
            self.add(node, JBZ.fulfilled, typed("true" if c.fulfilled else "false", "boolean"))
            if c.motion:
                self.add(node, JBZ.motion, self.motion(c.motion))
            self.about(node, c.about)


# Letter metadata from the file's format (see jbzgraph.ingest.read.METADATA_KEYS) that
# has a property of its own; date, kamerstuk, title and signatories arrive through the
# extraction (jbzgraph.source_metadata).
SOURCE_PROPERTIES = {
    "dossier": JBZ.dossierNumber,
    "number": JBZ.documentNumber,
    "tk_number": JBZ.tkDocumentNumber,
    "kind": JBZ.publicationKind,
}


def extraction_quads(extraction: Extraction, kb: KnowledgeBase, source_metadata: dict | None = None,
                     source_format: str | None = None) -> tuple[str, list[ox.Quad]]:
    """The letter's named graph IRI and every quad it holds; ``source_metadata`` adds what
    the file's markup says (dossier, number, Tweede Kamer number, kind) and ``source_format``
    the format it was read from."""
    w = _Writer(kb, extraction)
    w.letter_quads()
    if source_format:
        w.add(w.letter, JBZ.sourceFormat, lit(source_format))
    for key, prop in SOURCE_PROPERTIES.items():
        if (source_metadata or {}).get(key):
            w.add(w.letter, prop, lit(str(source_metadata[key])))
    w.statements()
    return w.graph.value, w.quads


def vocabulary_files() -> list:
    return [ONTOLOGY_FILE, *sorted(KB_DIR.glob("*.ttl"))]


def vocabulary_version() -> str:
    """A hash of the ontology and KB files: changes exactly when the vocabulary does."""
    h = hashlib.sha256()
    for path in vocabulary_files():
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def kb_quads() -> list[ox.Quad]:
    """The ontology and the knowledge base, each in its own named graph."""
    quads = [ox.Quad(t.subject, t.predicate, t.object, n(ONTOLOGY_GRAPH))
             for t in ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE)]
    for path in sorted(KB_DIR.glob("*.ttl")):
        quads.extend(ox.Quad(t.subject, t.predicate, t.object, n(KB_GRAPH))
                     for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    return quads
