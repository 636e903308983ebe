"""Which instrument a span of a letter is about: KB mentions, the policy phrases of the NLP
step (open vocabulary), "(hierna: X)" aliases, and short mentions ("het voorstel", "deze
richtlijn", "dit") resolved to the instrument in focus.

A policy phrase is linked to the KB when its normalised name, an identifier it carries or a
KB mention of its head says which entry it is; "het voorstel voor een Terugkeerverordening"
and "een akkoord over X" stand for the instrument they name inside. Otherwise it is an
instrument of its own, keyed by its normalised name, so that every letter naming it mints
the same IRI.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from jbzgraph.extract.model import Instrument
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis, EntityMention
from jbzgraph.nlp.phrases import DEMONSTRATIVES, PHRASE_ENDERS, STANDS_FOR, PolicyPhrase, phrase_key, policy_lexicon

LOCAL = "local:"  # prefix of the keys under which a letter's own instruments are looked up
HIERNA_RE = re.compile(r"\(\s*(?:hierna(?:\s+te\s+noemen)?|verder)\s*:?\s*(?:de\s+|het\s+)?(?P<alias>[^()]{2,60}?)\s*\)",
                       re.IGNORECASE)
# Pronouns and adverbs that refer back to what was just named ("steunt dit", "stemt hiermee in").
ANAPHORS = {"dit", "dat", "deze", "hiermee", "hierover", "hier", "daar", "ervan", "daarmee", "daarover", "hiervan",
            "daarvan", "hieraan", "daaraan", "erin", "hierin", "daarin", "het", "ze", "zij"}
DEMONSTRATIVE_PRONOUNS = {"dit", "dat", "deze", "die"}
DEFINITE_ARTICLES = {"de", "het"}
TITLE_COMPLEMENTS = {"inzake", "betreffende", "tot", "ter", "houdende", "aangaande"}  # how EU acts' titles go on
# "een nieuw instrument", "een andere verordening": another one than the instrument in focus (grammar)
OTHER_THAN = {"nieuw", "nieuwe", "ander", "andere", "apart", "aparte", "afzonderlijk", "afzonderlijke", "extra"}
# er/hier/daar + a preposition: "ervan", "hiervoor", "daarmee"
PRONOMINAL_ADVERB_RE = re.compile(r"(?:er|hier|daar)(?:aan|in|mee|over|van|voor|op|toe|tegen|uit|naar)")
# What may stand between two coordinated instrument names: a comma or conjunction, an article.
COORDINATION_GAP_RE = re.compile(r"\s*(?:,|\ben\b|\bof\b|\bevenals\b|\balsook\b)\s*(?:(?:de|het|een)\s+)?", re.I)
# Kinds whose short mention ("het voorstel") may refer back to an instrument of another kind:
# a proposal is for a regulation, directive or decision.
GENERIC_TYPES = {"Proposal": {"Regulation", "Directive", "Decision", "ImplementingAct", "Proposal", "LegalInstrument"},
                 "LegalInstrument": None}
# Documents written *about* something: "Raadsconclusies over de EMPACT-cyclus" is not EMPACT;
# a short "de conclusies" in a section on a conference are that conference's.
ABOUT_HEADS = {"Conclusions", "Communication", "Recommendation", "ActionPlan", "JointStatement"}
FRAME_OPENERS = {"in", "binnen", "onder", "buiten"}
# Kinds a heading may name first for the instrument right after it: "Voorstel herziening X-verordening".
LEADING_TYPES = {"Proposal", "PolicyFramework"}
TOPIC_RE = re.compile(r"\s*(?P<name>[A-Z][\w/()&'’-]*(?:[ \t]+[\w/()&'’-]+)*)[ \t]*:[ \t]+(?P<next>\w)")
TOPIC_WORDS = 6
TOPIC_WORDS_BEFORE_LOWER = 2  # "Wapens: de JBZ-Raad bereikte …", not "Het kabinet stelt: de …"
TITLE_GLUE = {"en", "van", "de", "het", "voor", "in", "op", "tegen", "der"}  # lower-case words of a title
FOCUS_REACH = 1500  # characters back a short mention looks for what it refers to
MAX_REFERENTS = 4  # instruments a plural short mention ("de voorstellen") may stand for
ANTECEDENT_CHAIN = 4  # the pronoun's own sentence and up to three before it
REF_NEAR = 4  # characters between a phrase and the identifier in brackets after it
ID_PROPERTY = {"com": "comReference", "celex": "celex"}


def kb_instrument(kb: KnowledgeBase, iri: str) -> Instrument:
    ent = kb.entities[iri]
    return Instrument(iri=iri, key=ent.key, label=ent.label("nl"))


@lru_cache(maxsize=4)
def kb_keys(kb: KnowledgeBase) -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name -> IRI, identifier -> IRI) of the KB's instruments, made once per KB."""
    lex = policy_lexicon(kb)
    names: dict[str, str] = {}
    ids: dict[str, str] = {}
    for ent in kb.of_kind("instrument"):
        for text, _, _ in ent.labels:
            key = phrase_key(text.split(), lex)
            if not key.startswith("x-"):
                names.setdefault(key, ent.iri)
        for values in ent.identifiers.values():
            for v in values:
                ids.setdefault(v.replace(" ", "").lower(), ent.iri)
    return names, ids


@lru_cache(maxsize=4)
def _cue_openings(kb: KnowledgeBase) -> frozenset[tuple[str, ...]]:
    """The first two words of the multi-word cues ("van toepassing", "in werking"): a phrase
    does not run on into them."""
    return frozenset(tuple(w.lower().split()[:2]) for _, w in kb.lexicon.get("cue", ()) if " " in w)


def outermost(mentions: list[EntityMention]) -> list[EntityMention]:
    """The mentions not named inside a longer one ("Verordening (EU) 2016/399" inside a title
    that amends it)."""
    return [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                           and o.end - o.start > m.end - m.start for o in mentions)]


class InstrumentContext:
    """Instrument mentions of one letter, with the instrument each stands for."""

    def __init__(self, document: Document, analysis: Analysis, kb: KnowledgeBase):
        self.document = document
        self.analysis = analysis
        self.kb = kb
        self.local: dict[str, Instrument] = {}  # instruments this letter names itself
        self.types: dict[str, str] = {}  # mention IRI -> class local name
        kb_mentions = [e for e in analysis.entities if e.kind == "instrument"]
        self.mentions: list[EntityMention] = sorted(kb_mentions + self._phrase_mentions(kb_mentions),
                                                    key=lambda e: (e.start, -e.end))
        self.definitions: list[tuple[int, int]] = []  # the "(hierna: Y)" brackets
        self._learn_aliases(document.text)
        self._starts = [m.start for m in self.mentions]
        # "een aanbeveling gepubliceerd over …": the verbs a mention's complement stands behind
        self.gaps = {(p.start, p.end): p.gap for p in analysis.phrases if p.gap != (0, 0)}
        # Short mentions that can refer back: not inside a phrase of place or frame ("in dat
        # kader", "in haar strategie"), and for a weak head only with a demonstrative ("deze
        # brief") or a definite article ("het jaarverslag", resolved by its name only).
        self.short: list[PolicyPhrase] = [
            p for p in analysis.phrases if not p.named and FRAME_OPENERS.isdisjoint({p.opener, p.before})
            and (not p.weak or p.opener in DEMONSTRATIVES | DEFINITE_ARTICLES)]
        self.topics = self._paragraph_topics()
        self._topic_starts = [t[0] for t in self.topics]
        self.topic_section = self._topic_sections()
        self.amended = self._amended()
        self.section_default: dict[int, Instrument] = {}
        for i, sec in enumerate(document.sections):
            found = self._heading_instrument(sec.heading_start, sec.heading_end) if sec.heading else None
            if found is None and self.topic_section[i] != i:
                found = self.section_default.get(self.topic_section[i])
            if found is None:
                found = self._first_in(sec.start, min(sec.end, sec.start + 400))
            if found is not None:
                self.section_default[i] = found
        self._form: tuple[int, Instrument] | None | bool = False  # (see form_default)

    def _topic_sections(self) -> list[int]:
        """For each section, the section whose item it is part of: itself, or for a section
        under a subheading ("Kabinetsappreciatie", "Proces") the one before it."""
        openers = [w.lower() for w in self.kb.words("subheading")]
        found: list[int] = []
        for i, sec in enumerate(self.document.sections):
            heading = (sec.heading or "").lower()
            part = i > 0 and any(heading == w or heading.startswith(w + " ") for w in openers)
            found.append(found[i - 1] if part else i)
        return found

    # Building the mentions ------------------------------------------------------------

    def _phrase_mentions(self, kb_mentions: list[EntityMention]) -> list[EntityMention]:
        """A mention for every naming policy phrase not already a KB mention of the same span."""
        names, ids = kb_keys(self.kb)
        refs = self.analysis.references
        ref_starts = [r.start for r in refs]
        kb_starts = [m.start for m in kb_mentions]
        found: list[EntityMention] = []
        phrases = [p for p in self.analysis.phrases if p.named]
        text = self.document.text
        for n, p in enumerate(phrases):
            inside = kb_mentions[bisect_left(kb_starts, p.start):bisect_left(kb_starts, p.end)]
            if any(m.start <= p.start and m.end >= p.end for m in inside):
                continue  # the gazetteer has it
            if p.inner and (inside or any(q is not p and p.head_end <= q.start < p.end for q in self.analysis.phrases)):
                continue  # the phrase inside it is the mention (if none is, "de voorstellen voor versterking van X" is)
            after = [m for m in inside if m.start > p.head_end]
            amends = after and (amending := _amending_re(self.kb)) and amending.search(text, p.head_end, after[0].start)
            if p.type_name not in ABOUT_HEADS and after and not amends:
                # "de regels voor veilige derde landen": the KB instrument is what is meant; but
                # "het voorstel tot wijziging van de Dublinverordening" is an instrument of its own
                continue
            iri = self._link(p, inside, names, ids, refs[bisect_left(ref_starts, p.start):
                                                        bisect_left(ref_starts, p.end + REF_NEAR)])
            # (a title in the form of one: "richtlijn betreffende het recht op informatie in strafprocedures")
            proper = bool(p.acronym or p.identifiers or any(c.isupper() for c in text[p.start:p.end])
                          or (not p.weak and (text[p.head_end:p.end].split() or [""])[0] in TITLE_COMPLEMENTS))
            rule = "policy_phrase_kb" if not iri.startswith(LOCAL) else "policy_phrase_name" if proper else "policy_phrase"
            found.append(EntityMention(p.start, p.end, text[p.start:p.end], iri, "instrument", rule))
        return found

    def _link(self, p: PolicyPhrase, inside: list[EntityMention], names: dict[str, str], ids: dict[str, str],
              refs: list) -> str:
        """The IRI a naming phrase stands for: a KB entry, or a local instrument of this letter."""
        if p.key in names:
            return names[p.key]
        head_mention = next((m for m in inside if m.start <= p.head_start < m.end), None)
        if head_mention is not None and not self._qualified(p, head_mention):
            return head_mention.iri
        identifiers = list(p.identifiers)
        for r in refs:
            if r.kind in ID_PROPERTY:
                if r.ref.replace(" ", "").lower() in ids:
                    return ids[r.ref.replace(" ", "").lower()]
                identifiers.append((ID_PROPERTY[r.kind], r.ref))
        iri = LOCAL + p.key
        known = self.local.get(iri)
        if known is None:
            self.local[iri] = Instrument(iri="", key=p.key, label=p.label, type_name=p.type_name,
                                         identifiers=tuple(dict.fromkeys(identifiers)),
                                         aliases=(p.acronym,) if p.acronym else ())
        else:
            extra = tuple(i for i in identifiers if i not in known.identifiers)
            aliases = tuple(a for a in ((p.acronym,) if p.acronym else ()) + ((p.label,) if p.label != known.label else ())
                            if a not in known.aliases)
            if extra or aliases:
                self.local[iri] = replace(known, identifiers=known.identifiers + extra, aliases=known.aliases + aliases)
        self.types[iri] = p.type_name
        return iri

    def _qualified(self, p: PolicyPhrase, m: EntityMention) -> bool:
        """Whether a phrase names more than the one-word KB name at its head: "Europees Pact ter
        bestrijding van drugshandel" is not the KB's "Pact"."""
        after = [w.lower() for w in self.document.text[m.end:p.end].split()]
        lex = policy_lexicon(self.kb)
        if " " in m.text.strip() or not after or after[0] not in {c[0] for c in lex.complements}:
            return False
        rest = [w for w in after[1:] if w not in ("de", "het", "een")]
        # "de visumstrategie van de Commissie" is still the KB's; "het Pact van toepassing" too
        return not (after[0] == "van" and rest and rest[0] in lex.authors) and tuple(after[:2]) not in _cue_openings(self.kb)

    def _learn_aliases(self, text: str) -> None:
        """ "een voorstel voor X (hierna: Y)": later mentions of Y are mentions of X, whether
        X is in the KB or named only here; the alias is kept as a label of X."""
        added: list[EntityMention] = []
        for m in HIERNA_RE.finditer(text):
            self.definitions.append((m.start(), m.end()))
            alias = m["alias"].strip()
            target = self._defined_before(text, m.start())
            if target is None or len(alias) < 2:
                continue
            named = next((e.iri for e in self.mentions if m.start() <= e.start and e.end <= m.end()), target)
            if named != target:
                target = self._merge(target, named)
            if target.startswith(LOCAL):
                ins = self.local[target]
                self.local[target] = replace(ins, aliases=tuple(dict.fromkeys((*ins.aliases, alias))))
            pattern = re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")
            known = {(e.start, e.end) for e in self.mentions}
            for hit in pattern.finditer(text, m.end()):
                if (hit.start(), hit.end()) not in known:
                    added.append(EntityMention(hit.start(), hit.end(), alias, target, "instrument", "alias_hierna"))
        if added:
            self.mentions = sorted(self.mentions + added, key=lambda e: (e.start, -e.end))

    def _merge(self, long: str, short: str) -> str:
        """One instrument for "X (hierna: Y)" where Y is a name of its own: the KB's entry if
        either is one, else Y's, the name later letters use ("de Confiscatierichtlijn");
        the other's mentions, label and identifiers go to it."""
        if not long.startswith(LOCAL) and not short.startswith(LOCAL):
            return long  # two KB entries: the KB knows them apart
        keep, drop = (long, short) if short.startswith(LOCAL) and not long.startswith(LOCAL) else (short, long)
        self.mentions = [replace(e, iri=keep) if e.iri == drop else e for e in self.mentions]
        gone = self.local.pop(drop)
        if keep in self.local:
            ins = self.local[keep]
            self.local[keep] = replace(
                ins, identifiers=tuple(dict.fromkeys(ins.identifiers + gone.identifiers)),
                aliases=tuple(a for a in dict.fromkeys((*ins.aliases, gone.label, *gone.aliases)) if a != ins.label))
        self.types.pop(drop, None)
        return keep

    def _defined_before(self, text: str, offset: int) -> str | None:
        """The IRI of the instrument a "(hierna: …)" defines: the one named right before it,
        else the sentence's last one before it, whose name a clause may follow before the
        bracket ("Verordening tot vaststelling van de criteria om te bepalen welke lidstaat …
        verantwoordelijk is (hierna: de Dublin-Verordening)")."""
        end = len(text[:offset].rstrip())
        sentence_start = self.analysis.sentence_at(offset)[0]
        for e in reversed(self.mentions):
            if e.end <= end and end - e.end <= 2:
                return e.iri
            if e.end < end - 2:
                return e.iri if e.kind == "instrument" and e.start >= sentence_start else None
        return None

    # Reading them ------------------------------------------------------------------------

    def instrument(self, iri: str) -> Instrument:
        """The instrument behind a mention: a KB entry, or one the letter named itself."""
        return self.local[iri] if iri in self.local else kb_instrument(self.kb, iri)

    def type_of(self, iri: str) -> set[str]:
        if iri in self.local:
            return {self.local[iri].type_name}
        return {t.split("#")[-1] for t in self.kb.entities[iri].types}

    def _heading_instrument(self, start: int, end: int) -> Instrument | None:
        """What a heading is about: its first instrument, or in "Voorstel herziening Europese
        Grens- en Kustwacht Verordening" the one a proposal or revision runs straight into."""
        found = self.in_span(start, end)
        if len(found) > 1 and self.type_of(found[0].iri) & LEADING_TYPES and found[1].start - found[0].end <= 1:
            return self.instrument(found[1].iri)
        return self._first_in(start, end)

    def _first_in(self, start: int, end: int) -> Instrument | None:
        found = self.in_span(start, end)
        return self.instrument(found[0].iri) if found else None

    def section_of(self, offset: int) -> int:
        for i, sec in enumerate(self.document.sections):
            if min(sec.start, sec.heading_start if sec.heading else sec.start) <= offset < sec.end:
                return i
        return -1

    def _floor(self, offset: int) -> int:
        """Where what ``offset`` may refer back to begins: its section (with the item a
        subheading continues), or the paragraph that opens a new item with "Name: …"."""
        sec = self.section_of(offset)
        sec = self.topic_section[sec] if sec >= 0 else sec
        floor = self.document.sections[sec].start if sec >= 0 else 0
        heading = self.document.sections[sec].heading_start if sec >= 0 and self.document.sections[sec].heading else floor
        i = bisect_left(self._topic_starts, offset + 1) - 1
        topic = self.topics[i][0] if i >= 0 and self.topics[i][0] <= offset < self.topics[i][1] else 0
        return max(min(floor, heading), topic)

    def in_span(self, start: int, end: int) -> list[EntityMention]:
        """The instrument mentions that begin in ``[start, end)`` (mentions are in text order)."""
        return self.mentions[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def of_class(self, offset: int, type_name: str) -> Instrument | None:
        """The nearest earlier instrument of this section of kind ``type_name`` (a proposal may
        be any legislative kind)."""
        wanted = GENERIC_TYPES.get(type_name, {type_name})
        for m in reversed(self.in_span(max(self._floor(offset), offset - FOCUS_REACH), offset)):
            if wanted is None or self.type_of(m.iri) & wanted:
                return self.instrument(m.iri)
        return None

    def _amended(self) -> set[int]:
        """Starts of the mentions a sentence names after an instrument and an amending word
        ("… tot wijziging van Verordening (EG) nr. 767/2008, Besluit 2008/633 …")."""
        amending = _amending_re(self.kb)
        if amending is None:
            return set()
        text, found = self.document.text, set()
        for a, b in self.analysis.sentences:
            inside = self.in_span(a, b)
            if len(inside) < 2:
                continue
            m = amending.search(text, inside[0].start, b)
            if m:
                found |= {e.start for e in inside if e.start >= m.end()}
        return found

    def all_of_class(self, offset: int, type_name: str) -> list[Instrument]:
        """The earlier instruments of this section of kind ``type_name``, in text order, as many
        as a plural short mention may stand for; not those named inside another's name nor
        those another amends."""
        wanted = GENERIC_TYPES.get(type_name, {type_name})
        found: dict[str, Instrument] = {}
        mentions = outermost(self.in_span(max(self._floor(offset), offset - FOCUS_REACH), offset))
        for m in reversed(mentions):
            if m.start not in self.amended and (wanted is None or self.type_of(m.iri) & wanted):
                ins = self.instrument(m.iri)
                found.setdefault(ins.ref, ins)
        return list(found.values())[:MAX_REFERENTS][::-1]

    def _plural(self, p: PolicyPhrase) -> bool:
        word = self.document.text[p.head_start:p.head_end].lower()
        hit = policy_lexicon(self.kb).head_of(word)
        return hit is not None and not word.endswith(hit[0])

    def referents(self, p: PolicyPhrase) -> tuple[list[Instrument], str]:
        """What a short mention stands for: one instrument, or for a plural ("de voorstellen",
        "beide ontwerpverordeningen") every instrument of its kind in focus."""
        found, how = self.resolve_short(p)
        if found is None:
            return [], ""
        if how == "target_short_mention_same_kind_before" and self._plural(p):
            every = self.all_of_class(p.start, p.type_name)
            if len(every) > 1:
                return every, how + "+plural"
        return [found], how

    def other_than(self, p: PolicyPhrase) -> bool:
        """Whether a short mention says it is another instrument than the one in focus."""
        return bool(set(self.document.text[p.start:p.head_start].lower().split()) & OTHER_THAN)

    def short_at(self, start: int, end: int) -> PolicyPhrase | None:
        """The first short mention ("het voorstel", "deze richtlijn") that begins in the span."""
        for p in self.short:
            if start <= p.start < end:
                return p
            if p.start >= end:
                break
        return None

    def resolve_short(self, p: PolicyPhrase) -> tuple[Instrument | None, str]:
        """What a short mention refers to: an earlier instrument of its kind in the section, or
        for documents a section is about as a whole, the one named after its heading."""
        by_name_only = p.weak and p.opener not in DEMONSTRATIVES  # "het systeem" is not any system
        if self.other_than(p):
            return None, ""
        form = self.form_default if p.type_name == "Proposal" else None
        if form is not None and p.start > form[0]:
            return form[1], "target_short_mention_fiche_proposal"  # "het voorstel" of a fiche is the one it assesses
        found = None if by_name_only else self.of_class(p.start, p.type_name)
        if found is not None:
            return found, "target_short_mention_same_kind_before"
        head = self.document.text[p.head_start:p.head_end].lower()
        own_word = re.compile(rf"(?<![\w-]){re.escape(head)}(?!\w)")  # its own word, not "Kustwachtverordening"
        for m in reversed(self.in_span(max(self._floor(p.start), p.start - FOCUS_REACH), p.start)):
            if own_word.search(m.text.lower()):
                return self.instrument(m.iri), "target_short_mention_same_name_before"
        sec = self.section_of(p.start)
        # (a paragraph that opens with "Name: …" names its own item: "Insolventie: De Raad stelde de richtsnoeren vast")
        topic = self.topic(p.start)
        heading = topic.label if topic is not None else self.document.sections[sec].heading if sec >= 0 else None
        if p.type_name in ABOUT_HEADS and heading and not by_name_only:
            label = f"{p.label} {heading}"
            key = phrase_key(label.split(), policy_lexicon(self.kb))
            return Instrument(iri="", key=key, label=label, type_name=p.type_name), "target_short_mention_section"
        if p.type_name in STANDS_FOR and not by_name_only and (default := self.default(p.start)) is not None:
            return default, "target_short_mention_section_instrument"  # "het compromis": the text at hand
        return None, ""

    def first_after(self, start: int, end: int) -> tuple[list[Instrument], str]:
        """The first instrument named, or what the first short mention stands for, in ``[start, end)``."""
        named = self.in_span(start, end)
        short = self.short_at(start, end)
        if named and (short is None or named[0].start <= short.start):
            return [self.instrument(named[0].iri)], "target_mention_after_predicate"
        if short is not None:
            found, how = self.referents(short)
            if found:
                return found, how
        if named:
            return [self.instrument(named[0].iri)], "target_mention_after_predicate"
        return [], ""

    def coordinated(self, first: Instrument, start: int, end: int) -> list[Instrument]:
        """``first`` and the instruments joined to it by commas, "en" or "of" in ``[start, end)``
        ("steunt de Terugkeerverordening en de Screeningsverordening")."""
        text = self.document.text
        found, last = [first], None
        for m in self.in_span(start, end):
            if last is None:
                if self.instrument(m.iri).ref == first.ref:
                    last = m
                continue
            if m.start < last.end:
                continue  # named inside the one before
            if not COORDINATION_GAP_RE.fullmatch(text, last.end, m.start):
                break
            found.append(self.instrument(m.iri))
            last = m
        return found

    def refers_back(self, tokens) -> bool:
        """Whether a clause holds a pronoun or pronominal adverb that refers back ("Dat kan op
        steun rekenen", "streeft naar afronding ervan", "heeft zich hier actief voor ingezet")."""
        # "dit"/"dat" before a noun is a determiner ("in dat kader"), whatever the tagger says;
        # in an untagged sentence only before a finite verb or a punctuation mark ("Dit kan").
        def determiner(k: int) -> bool:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is None:
                return False
            if nxt.pos:
                return nxt.pos in ("NOUN", "ADJ", "PROPN")
            return nxt.text[:1].isalnum() and nxt.lower not in PHRASE_ENDERS

        return any(t.lower in ANAPHORS - {"het", "ze", "zij"} and t.pos not in ("SCONJ", "DET")
                   and not (t.lower in DEMONSTRATIVE_PRONOUNS and determiner(k))
                   or PRONOMINAL_ADVERB_RE.fullmatch(t.lower) for k, t in enumerate(tokens))

    def referred_back(self, tokens, offset: int) -> Instrument | None:
        """The instrument in focus when ``tokens`` (the first words after a predicate) open
        with a pronoun that refers back ("steunt dit", "stemt hiermee in"); "dat" as a
        conjunction ("benadrukt dat …") does not."""
        if tokens and tokens[0].lower in ANAPHORS - {"het", "ze", "zij"} and tokens[0].pos not in ("SCONJ", "DET"):
            return self.antecedent(offset)
        return None

    def antecedent(self, offset: int) -> Instrument | None:
        """What a pronoun at ``offset`` refers back to: the last instrument named (or referred
        to by a short mention) earlier in its sentence or in the sentence before, or further
        back through sentences that themselves only refer back ("… over het voorstel. Het
        voorzitterschap streeft naar afronding ervan. Dat kan op steun rekenen."). A sentence
        before that is about something else ends the search: the pronoun is not about an
        instrument named earlier."""
        sentences = self.analysis.sentences
        k = bisect_right(sentences, (offset, float("inf"))) - 1
        floor = self._floor(offset)
        end = offset
        for step in range(ANTECEDENT_CHAIN):
            if k < 0 or sentences[k][1] <= floor:
                return None
            start = max(sentences[k][0], floor)
            named = self.in_span(start, end)
            shorts = [p for p in self.short if start <= p.start < end]
            if shorts and (not named or shorts[-1].start > named[-1].start):
                found, _ = self.resolve_short(shorts[-1])
                if found is not None:
                    return found
            if named:
                return self.instrument(named[-1].iri)
            if step > 0 and not self.refers_back(self.analysis.tokens(*sentences[k])):
                return None
            end = sentences[k][0]
            k -= 1
        return None

    def _paragraph_topics(self) -> list[tuple[int, int, Instrument]]:
        """ "Europol/Cepol: De Raad nam …", "Taskforce Middellandse Zeegebied: Er was …": a
        paragraph that opens with a short name and a colon is about what it names, up to the
        next such paragraph of its section."""
        text = self.document.text
        lex = policy_lexicon(self.kb)
        found = []
        for para in self.document.paragraphs:
            if para.kind not in ("body", "bullet"):
                continue
            m = TOPIC_RE.match(text, para.start, para.end)
            if not m:
                continue
            words = m["name"].split()
            # "Politiële Samenwerking en Europol: er werd …" is a title, "Het kabinet stelt: de …" is not
            titled = all(w[:1].isupper() or w in TITLE_GLUE for w in words)
            if len(words) > (TOPIC_WORDS if m["next"].isupper() or titled else TOPIC_WORDS_BEFORE_LOWER):
                continue
            name = " ".join(words)
            linked = self.in_span(para.start, para.start + m.end("name") - m.start())
            ins = (self.instrument(linked[0].iri) if linked else
                   Instrument(iri="", key=phrase_key(name.split(), lex).replace("x-", "topic-", 1), label=name))
            sec = self.document.sections[para.section] if 0 <= para.section < len(self.document.sections) else None
            found.append((para.start, sec.end if sec else para.end, ins))
        return found

    def topic(self, offset: int) -> Instrument | None:
        """The topic a paragraph at or before ``offset`` named with "Name: …", if it still holds."""
        i = bisect_left(self._topic_starts, offset + 1) - 1
        if i >= 0 and self.topics[i][0] <= offset < self.topics[i][1]:
            return self.topics[i][2]
        return None

    @property
    def form_default(self) -> tuple[int, Instrument] | None:
        """A BNC fiche's instrument and where its title field is: every section of the fiche
        after the form is about it (computed on first use, from the fiche's own reading)."""
        if self._form is False:
            from jbzgraph.extract.fiches import form_instrument  # (here: fiches imports this module)

            self._form = form_instrument(self)
        return self._form

    def default(self, offset: int) -> Instrument | None:
        """What a sentence is about when it names nothing: its paragraph's topic, its section's
        instrument, or in a BNC fiche the instrument its form names."""
        found = self.topic(offset) or self.section_default.get(self.section_of(offset))
        form = self.form_default if found is None else None
        return form[1] if form is not None and offset > form[0] else found


@lru_cache(maxsize=4)
def _amending_re(kb: KnowledgeBase) -> re.Pattern | None:
    """The lexicon's amending words ("tot wijziging van"), as one pattern."""
    words = sorted(kb.words("amendingWord"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I) if words else None
