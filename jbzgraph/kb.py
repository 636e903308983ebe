"""The knowledge base: reference entities and concept schemes read from ``ontology/``.

Everything the extractors know by name — countries, organisations, instruments, places,
persons, stances, stages — comes from here, so adding a label to ``ontology/kb/*.ttl`` is
how the extractor learns a new way of writing an entity.
"""

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from jbzgraph.namespace import JBZ
from jbzgraph.paths import KB_DIR, ONTOLOGY_FILE

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
FOAF_FAMILY = "http://xmlns.com/foaf/0.1/familyName"

LABEL_PREDICATES = {SKOS + "prefLabel": "pref", SKOS + "altLabel": "alt", SKOS + "hiddenLabel": "hidden"}
# Which ontology class makes an entity which kind of thing, beyond the mention kinds
# the ontology itself annotates with jbz:kindKey.
EXTRA_KINDS = {str(JBZ.Place): "place", str(JBZ.UnnamedGroupOfStates): "unnamed_group"}
# The lexicon's properties (ontology/sources/lexicon.csv): words the extractors read.
LEXICON_PROPERTIES = ("cue", "nominalCue", "actionCue", "attributiveCue", "councilCue", "listCue", "authorshipCue", "statusNoun", "deficiencyNoun", "amendingWord", "titleField", "dateField", "headNoun", "weakHeadNoun", "complementWord",
                      "nonNamingModifier", "notAnInstrument", "prepositionalPhrase", "subheading", "holderCue", "quantifier", "groupNoun", "officeNoun")
CONCEPT_KINDS = {
    str(JBZ.Stance): "stance",
    str(JBZ.ProceduralStage): "stage",
    str(JBZ.DocumentType): "doctype",
    str(JBZ.ReferenceKind): "refkind",
}


def normalise_label(text: str) -> str:
    """NFKC (the OP tables write the Dutch ``Ĳ`` ligature) and single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@dataclass
class Entity:
    iri: str
    kind: str  # member_state | third_country | organisation | instrument | person | place | unnamed_group
    key: str = ""
    types: set[str] = field(default_factory=set)
    labels: list[tuple[str, str, str]] = field(default_factory=list)  # (text, lang, pref|alt|hidden)
    adjectives: list[str] = field(default_factory=list)
    identifiers: dict[str, list[str]] = field(default_factory=dict)  # local property name -> values
    family_name: str = ""

    def label(self, lang: str = "nl") -> str:
        """The preferred label in ``lang``, falling back to any preferred label, then the key."""
        prefs = [t for t, lg, role in self.labels if role == "pref"]
        for text, lg, role in self.labels:
            if role == "pref" and lg == lang:
                return text
        return prefs[0] if prefs else self.key


@dataclass
class Concept:
    iri: str
    scheme_kind: str  # stance | stage | doctype | refkind
    notation: str
    labels: list[tuple[str, str]] = field(default_factory=list)


@dataclass(eq=False)  # hashed by identity: the caches of words made from a KB key on it
class KnowledgeBase:
    entities: dict[str, Entity]
    concepts: dict[tuple[str, str], Concept]
    kind_of_class: dict[str, str]
    files: list[Path]
    lexicon: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # property -> (subject, word)
    _labels: dict[str, dict[str, Entity]] = field(default_factory=dict, init=False, repr=False)
    _keys: dict[tuple[str, str], Entity] = field(default_factory=dict, init=False, repr=False)

    def by_key(self, kind: str, key: str) -> Entity | None:
        if not self._keys:
            for ent in self.entities.values():
                self._keys.setdefault((ent.kind, ent.key), ent)
        return self._keys.get((kind, key))

    def concept(self, scheme_kind: str, notation: str) -> str:
        """IRI of a concept; a KeyError names what the KB lacks, so a typo fails loudly."""
        try:
            return self.concepts[(scheme_kind, notation)].iri
        except KeyError:
            raise KeyError(f"KB has no {scheme_kind} concept with notation {notation!r}") from None

    def by_label(self, kind: str, text: str) -> Entity | None:
        """The entity of ``kind`` one of whose labels is ``text``, ignoring case."""
        if kind not in self._labels:
            self._labels[kind] = {label.lower(): e for e in self.of_kind(kind) for label, _, _ in reversed(e.labels)}
        return self._labels[kind].get(normalise_label(text).lower())

    def words(self, prop: str, subject: str | None = None) -> list[str]:
        """The lexicon's words under ``prop`` (a local name: ``cue``, ``headNoun``, …),
        of one subject IRI or of all."""
        return [w for s, w in self.lexicon.get(prop, ()) if subject is None or s == subject]

    def word_map(self, prop: str) -> dict[str, str]:
        """word -> subject IRI for ``prop`` (the first subject listing a word wins)."""
        found: dict[str, str] = {}
        for s, w in self.lexicon.get(prop, ()):
            found.setdefault(w, s)
        return found

    def of_kind(self, *kinds: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind in kinds]


def _value(term) -> str:
    return term.value


def _class_kinds(ontology: list[ox.Quad]) -> dict[str, str]:
    """Map every class to the kind key of its nearest annotated ancestor."""
    parents: dict[str, set[str]] = {}
    annotated: dict[str, str] = dict(EXTRA_KINDS)
    annotated.update(CONCEPT_KINDS)
    for q in ontology:
        s, p, o = q.subject, q.predicate.value, q.object
        if p == RDFS_SUBCLASS and isinstance(o, ox.NamedNode):
            parents.setdefault(s.value, set()).add(o.value)
        elif p == str(JBZ.kindKey):
            annotated[s.value] = o.value

    def kind(cls: str, seen: frozenset = frozenset()) -> str | None:
        if cls in annotated:
            return annotated[cls]
        for parent in sorted(parents.get(cls, ())):
            if parent not in seen:
                found = kind(parent, seen | {cls})
                if found:
                    return found
        return None

    classes = set(parents) | set(annotated)
    return {c: k for c in classes if (k := kind(c))}


def _parse(path: Path) -> list:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


@lru_cache(maxsize=4)
def load_kb(kb_dir: Path = KB_DIR, ontology_file: Path = ONTOLOGY_FILE) -> KnowledgeBase:
    """Read the ontology's class hierarchy and every ``kb/*.ttl`` file."""
    kind_of_class = _class_kinds(_parse(ontology_file))
    files = sorted(Path(kb_dir).glob("*.ttl"))
    triples = [t for f in files for t in _parse(f)]
    by_subject: dict[str, list] = {}
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            by_subject.setdefault(t.subject.value, []).append(t)

    lexicon_props = {str(JBZ[p]): p for p in LEXICON_PROPERTIES}
    lexicon: dict[str, list[tuple[str, str]]] = {}
    for t in sorted(triples, key=lambda t: (t.predicate.value, t.subject.value, t.object.value)):
        if t.predicate.value in lexicon_props:
            lexicon.setdefault(lexicon_props[t.predicate.value], []).append((t.subject.value, t.object.value))
    identifier_props = {str(p): p.split("#")[-1] for p in (
        JBZ.acronym, JBZ.celex, JBZ.actNumber, JBZ.comReference, JBZ.procedureReference, JBZ.eli)}
    entities: dict[str, Entity] = {}
    concepts: dict[tuple[str, str], Concept] = {}
    for iri, ts in by_subject.items():
        types = {t.object.value for t in ts if t.predicate.value == RDF_TYPE}
        kinds = sorted({kind_of_class[c] for c in types if c in kind_of_class})
        if not kinds:
            continue
        if set(kinds) & set(CONCEPT_KINDS.values()):
            notation = next((t.object.value for t in ts if t.predicate.value == SKOS + "notation"), "")
            labels = [(normalise_label(t.object.value), t.object.language or "")
                      for t in ts if t.predicate.value in LABEL_PREDICATES]
            scheme_kind = next(k for k in kinds if k in CONCEPT_KINDS.values())
            concepts[(scheme_kind, notation)] = Concept(iri, scheme_kind, notation, labels)
            continue
        ent = Entity(iri=iri, kind=kinds[0], types=types)
        for t in ts:
            p, o = t.predicate.value, t.object
            if p in LABEL_PREDICATES:
                ent.labels.append((normalise_label(o.value), o.language or "", LABEL_PREDICATES[p]))
            elif p == FOAF_NAME:
                ent.labels.append((normalise_label(o.value), "", "alt"))
            elif p == FOAF_FAMILY:
                ent.family_name = normalise_label(o.value)
            elif p == str(JBZ.key):
                ent.key = o.value
            elif p == str(JBZ.adjective):
                ent.adjectives.append(normalise_label(o.value))
            elif p in identifier_props:
                ent.identifiers.setdefault(identifier_props[p], []).append(o.value)
        ent.labels.sort(key=lambda x: ({"pref": 0, "alt": 1, "hidden": 2}[x[2]], x[1] != "nl", x[0]))
        entities[iri] = ent
    return KnowledgeBase(entities, concepts, kind_of_class, files, lexicon)
