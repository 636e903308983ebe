"""Procedural events: what happened to an instrument, at which body, when.

Produces ``jbz:ProceduralEvent`` with ``jbz:instrument``, ``jbz:stage``, ``jbz:body`` and
``dct:date``. A sentence with a stage expression (below) yields one event per instrument
it names — or, when it names none, for the instrument its section is about. The body is
the Council body, Commission or Parliament named nearest the stage expression; the date
the one nearest it in the sentence.
"""

import re
from datetime import date
from functools import lru_cache

from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.fiches import form_events
from jbzgraph.extract.instruments import ABOUT_HEADS, ID_PROPERTY, InstrumentContext, kb_keys, outermost
from jbzgraph.extract.model import Event, Instrument, Meeting
from jbzgraph.extract.positions import INTENT_WORDS, actors, at_meeting_body, index_at
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis, DateMention
from jbzgraph.nlp.cues import (CLAUSE_OPENERS, RELATIVES, SUBORDINATORS, clause_of, clauses, compile_cues, find_cues,
                               nominal_infinitive)
from jbzgraph.nlp.phrases import DETERMINERS, agent_before, phrase_key, policy_lexicon
from jbzgraph.nlp.tokens import Tok
from jbzgraph.nlp.triggers import PARTICLES

# Most specific first: of the stages a sentence's cues name, the first in this order wins.
STAGE_ORDER = ("partial_general_approach", "general_approach", "negotiating_mandate", "provisional_agreement",
               "entry_into_force", "application", "extension", "other", "adoption", "proposal")
BODY_KEYS = ("JHA_COUNCIL", "COREPER", "GAC", "COUNCIL", "EUCO", "COM", "EP")
COUNCIL_STAGES = {"negotiating_mandate", "general_approach", "partial_general_approach"}
AGREEING = {"general_approach", "provisional_agreement", "adoption"}
COUNCIL_BODIES = {"JHA_COUNCIL", "COREPER", "GAC", "COUNCIL", "EUCO", "EP"}
DECIDING_BODIES = COUNCIL_BODIES - {"EP"}  # whose assent is a decision of the Council's
SPECIFIC_OVER = {"COUNCIL"}  # "de Raad ... tijdens de JBZ-Raad": the configuration is the body
# Instruments named as the frame of the ones that moved ("als onderdelen van het Pact") are not targets.
FRAME_RE = re.compile(r"(?:onderde(?:el|len)\s+van|in\s+het\s+kader\s+van|op\s+(?:grond|basis)\s+van|"
                      r"conform|gelijknamige|onder|krachtens|volgens|anders\s+dan|naar\s+aanleiding\s+van|"
                      r"in\s+reactie\s+op|als\s+gevolg\s+van|in\s+lijn\s+met|"
                      r"artikel\s+\d+\w*(?:\s+lid\s+\d+)?(?:\s+van)?)\s+(?:de\s+|het\s+|een\s+)?$", re.IGNORECASE)
# A cue followed by a clause of what was said or found ("stelt vast dat", "stelde vast in welke")
# reports a finding, not a step.
REPORTING_OPENERS = {"dat", "of", "welke", "wie", "hoe", "waarom", "in welke", "wat"}
ANAPHORIC_SUBJECT_RE = re.compile(
    r"^\s*(?:Deze|Dit|Die|Beide|Zij|Ze|De|Het)\s+(?:nieuwe\s+|herziene\s+|twee\s+)?"
    r"(?:aanpassingen|regels|voorstellen|voorstel|verordeningen|verordening|wijzigingen|maatregelen|akkoord|"
    r"instrumenten|teksten|onderdelen|richtlijn|richtlijnen|strategie|mandaat)\b"
)
NAMING_GAP_RE = re.compile(r"\s+(?:voor|tot|inzake|betreffende|over|van)\s+(?:een\s+|de\s+|het\s+)?", re.IGNORECASE)
# Steps no single body takes: an act enters into force or applies by itself; a provisional
# agreement is the trilogue parties'.
BODYLESS = {"entry_into_force", "application", "provisional_agreement"}
# Steps a letter announces in the future tense that are not yet taken (a dated entry into
# force or application is a fact of the act already adopted).
PLANNED_NOT_TAKEN = {"proposal", "adoption", "general_approach", "negotiating_mandate", "partial_general_approach", "provisional_agreement"}
# An agreement said to be provisional, political or of a trilogue is one with the Parliament.
QUALIFIED_AGREEMENT_RE = re.compile(r"voorlopig|politiek|triloog", re.IGNORECASE)
# Stages a sentence states even when it does not name the instrument (the section's is
# meant); adoption and proposal verbs are too common in other senses for that.
STRONG_STAGES = {"partial_general_approach", "general_approach", "negotiating_mandate", "provisional_agreement",
                 "entry_into_force", "application", "extension", "proposal"}
# Targets the sentence itself names, in full or by a short mention ("nam conclusies aan",
# "heeft de verordening aangenomen"): any stage may be theirs.
IN_SENTENCE = ("target_mention_in_sentence", "target_short_mention", "target_subject_refers_back")
POSSESSIVES = {"haar", "zijn", "hun"}  # "presenteerde haar jaarverslag" (grammar)
FALLBACKS = ("target_section_instrument", "target_paragraph_topic")  # what a sentence that names nothing is about
NEGATORS = {"niet", "geen", "nooit"}
ABOUT_GAP_RE = re.compile(r"\s+(?:over|inzake|betreffende|aangaande|omtrent)\s+(?:(?:de|het|een)\s+)?", re.IGNORECASE)
CONDITIONAL = {"nadat", "zodra", "indien", "voordat", "totdat", "mits", "tenzij", "zodat"}
# "Nadat … een akkoord is bereikt, is eind 2016 …": told of the past, what "nadat" opens was taken
PAST_WHEN = {"nadat"}
UNREAL = {"zal", "zullen", "zou", "zouden", "kan", "kunnen", "moet", "moeten", "wordt", "worden", "verwacht"}
COMMISSIONER = "commissaris"  # "Commissaris Brunner presenteerde …": the Commission's member
DEADLINE_RE = re.compile(r"\b(?:tot(?:\s+en\s+met)?|t/m|uiterlijk|vóór|voor)\s+$", re.IGNORECASE)
DEFAULT_BODY = {"proposal": "COM", "general_approach": "COUNCIL", "partial_general_approach": "COUNCIL"}
# Words of a clause that wants or expects what the "dat"-clause after it says ("hecht eraan dat …").
WISHES = INTENT_WORDS | {"wenst", "wensen", "pleit", "pleiten", "streeft", "streven", "hecht", "hechten", "belang", "hoopt",
                         "hopen", "hoop", "hoopte",
                         "belangrijk", "essentieel", "cruciaal", "wenselijk", "noodzakelijk"}
# Present modals: a step possible or due (not "dient", which is also "dient … in", submits).
MODALS = {"kan", "kunnen", "moet", "moeten", "mag", "mogen"}
# A conditional verb or a hedge makes a step supposed or possible ("zou zijn geagendeerd",
# "wordt mogelijk geagendeerd"), not taken; "zo snel mogelijk" is a manner.
CONDITIONAL_VERBS = {"zou", "zouden"}
HEDGES = {"mogelijk", "wellicht", "eventueel", "mogelijkerwijs", "misschien", "waarschijnlijk", "vermoedelijk"}
FUTURE_RE = re.compile(r"\b(?:zal|zullen|wordt verwacht|naar verwachting|beoogt|streeft|beoogde|voorgenomen|geplande)\b",
                       re.IGNORECASE)
SKIP_PARAGRAPHS = {"question", "signature", "header"}
CITATION_REACH = 70  # characters from an act's number to its date: "van het Europees Parlement en de Raad van"
CITATION_GLUE = {"van", "en", "het", "de"}
# Acts the Commission adopts itself: published, they are adopted, not proposed (a Commission
# recommendation is an act of its own, art. 292 TFEU; a Council recommendation is proposed).
COMMISSION_ACT_TYPES = {"ImplementingAct", "Recommendation"}
ADOPTED_WHEN_AGREED = {"Conclusions", "JointStatement", "ActionPlan", "Strategy"}  # no legislative reading follows
COUNCIL_ACT_RE = re.compile(r"\b(?:van de Raad|Raads)|\bvoorstel", re.IGNORECASE)


class StageCues:
    """The stage lexicon of a KB: cues that state a stage, and nominal cues that state one
    beside an action cue ("bereikte een algemene oriëntatie")."""

    def __init__(self, kb: KnowledgeBase):
        self.stage_of = {c.iri: n for (kind, n), c in kb.concepts.items() if kind == "stage"}
        self.cues = [c for c in compile_cues(kb, "cue") if c.concept in self.stage_of]
        self.nominal = [c for c in compile_cues(kb, "nominalCue") if c.concept in self.stage_of]
        self.actions = compile_cues(kb, "actionCue")
        self.attributive = [c for c in compile_cues(kb, "attributiveCue") if c.concept in self.stage_of]
        self.council = [c for c in compile_cues(kb, "councilCue") if c.concept in self.stage_of]
        self.listed = [c for c in compile_cues(kb, "listCue") if c.concept in self.stage_of]
        self.steps = self.cues + self.nominal + self.listed  # what a list item may report
        self.status = compile_cues(kb, "statusNoun")


@lru_cache(maxsize=4)
def stage_cues(kb: KnowledgeBase) -> StageCues:
    return StageCues(kb)


def _stage(tokens: list[Tok], s_start: int, analysis: Analysis, bodies: dict[str, str],
           lex: StageCues) -> tuple[str, int, tuple[int, int]] | None:
    """The sentence's stage, the offset of its cue and the character span of the cue's words
    (a mandate or agreement named by the cue is the stage, not its target), or None."""
    found: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    nominal = [m for m in find_cues(tokens, lex.nominal) if not _held_by_agency(tokens, m, analysis, bodies)]
    if nominal:
        # "is om een algemene oriëntatie te bereiken": an aim, as with a verb cue's "te"-infinitive
        actions = [m for m in find_cues(tokens, lex.actions)
                   if not any(n.first <= m.first <= n.last for n in nominal) and not m.infinitive(tokens)]
        if actions:
            for m in nominal:
                stage = lex.stage_of[m.cue.concept]
                found.setdefault(stage, tokens[m.first].start)
                spans.setdefault(stage, (tokens[m.first].start, tokens[m.last].end))
    sentence_words = {t.lower for t in tokens}
    for lo, hi in clauses(tokens):
        negated = bool({t.lower for t in tokens[lo:hi]} & NEGATORS)
        if tokens[lo].lower in CONDITIONAL and not (tokens[lo].lower in PAST_WHEN and not sentence_words & UNREAL):
            continue  # "Nadat de overeenkomst is vastgesteld, zal …": a step supposed, not reported
        attributive = [m for m in find_cues(tokens, lex.attributive, lo, hi) if _attributive(tokens, m.last)]
        council = [m for m in find_cues(tokens, lex.council, lo, hi) if _council_subject(tokens, lo, hi, analysis, bodies)]
        if _about_status(tokens, lo, hi, lex, analysis):
            continue
        for m in find_cues(tokens, lex.cues, lo, hi) + attributive + council:
            if m not in attributive and (_describes_other(tokens, m, analysis) or _attributive_adjective(tokens, m)):
                continue  # "de vastgestelde prioriteiten", "op operationeel niveau": a property of the noun
            if len(m.cue.words) == 1 and nominal_infinitive(tokens, m.first):
                continue  # "met als doel het vaststellen van gemeenschappelijke regels": an act named, not taken
            end = _particle_after(tokens, m, hi)
            after = " ".join(t.lower for t in tokens[end + 1:end + 3])
            reporting = any(after == w or after.startswith(w + " ") for w in REPORTING_OPENERS)
            if not negated and not m.infinitive(tokens) and not reporting:
                stage = lex.stage_of[m.cue.concept]
                found.setdefault(stage, tokens[m.first].start)
                spans.setdefault(stage, (tokens[m.first].start, tokens[m.last].end))
    if not found:
        return None
    # the Commission, a commissioner, or a Commission number ("het gepubliceerde voorstel COM(2023) 755")
    by_commission = any(bodies.get(e.iri) == "COM" for e in analysis.entities_in(s_start, tokens[-1].end)) or any(
        t.lower.startswith(COMMISSIONER) for t in tokens) or any(
        r.kind == "com" and s_start <= r.start < tokens[-1].end for r in analysis.references)
    if "proposal" in found and by_commission and set(found) & {"negotiating_mandate", "general_approach", "adoption"}:
        return "proposal", found["proposal"], spans["proposal"]
    if not by_commission:
        found.pop("proposal", None)  # presenting and publishing are the Commission's step
    if not found:
        return None
    stage = next(st for st in STAGE_ORDER if st in found)
    if "extension" in found and stage in AGREEING:
        stage = "extension"  # "een politiek akkoord op de verlenging van de richtlijn": what was agreed is the extension
    if stage == "adoption" and not _near_actor(found[stage], s_start, tokens[-1].end, analysis):
        return None
    return stage, found[stage], spans[stage]


def _council_subject(tokens: list[Tok], lo: int, hi: int, analysis: Analysis, bodies: dict[str, str]) -> bool:
    """Whether a Council body stands in the clause other than after a preposition: "De Raad
    stemde in met …", "Daarna ging het Coreper akkoord met …" (not "Nederland stemde in de
    Raad in met …")."""
    for e in analysis.entities_in(tokens[lo].start, tokens[hi - 1].end):
        if bodies.get(e.iri) in DECIDING_BODIES:
            k = next((n for n in range(lo, hi) if tokens[n].start >= e.start), lo)
            while k > lo and tokens[k - 1].pos == "DET":
                k -= 1
            if k == lo or tokens[k - 1].pos != "ADP":
                return True
    return False


def _held_by_agency(tokens: list[Tok], m, analysis: Analysis, bodies: dict[str, str]) -> bool:
    """ "het mandaat van Frontex": a stage noun of an organisation that negotiates nothing is
    its remit, not a step."""
    k = m.last + 1
    if k >= len(tokens) or tokens[k].lower != "van":
        return False
    window = tokens[k + 1:k + 4]
    if not window:
        return False
    return any(e.kind == "organisation" and e.iri not in bodies
               for e in analysis.entities_in(window[0].start, window[-1].end))


def _attributive(tokens: list[Tok], k: int) -> bool:
    """Whether the participle at ``k`` stands before a noun with its agent: "de door de
    Commissie voorgestelde visumvrijstelling"."""
    return k + 1 < len(tokens) and tokens[k + 1].pos in ("NOUN", "ADJ", "PROPN") and agent_before(tokens, k)


def _about_status(tokens: list[Tok], lo: int, hi: int, lex: StageCues, analysis: Analysis) -> bool:
    """Whether the clause's object or subject is a report on how something stands ("de
    Commissie presenteerde de stand van zaken van het actieplan", "de resultaten werden
    gepresenteerd"): a status noun before any instrument of the clause, not inside a
    prepositional phrase ("Na een toelichting … nam de Raad conclusies aan")."""
    status = find_cues(tokens, lex.status, lo, hi)
    if not status:
        return False
    heads = [k for k in range(lo, hi) if any(p.head_start == tokens[k].start for p in analysis.phrases)
             or any(e.kind == "instrument" for e in analysis.entities_in(tokens[k].start, tokens[k].start + 1))]
    for m in status:
        if heads and heads[0] < m.first:
            continue
        k = m.first - 1
        while k >= lo and tokens[k].pos in ("DET", "ADJ", "PRON"):
            k -= 1
        if k < lo or tokens[k].pos != "ADP":
            return True
    return False


def _describes_other(tokens: list[Tok], m, analysis: Analysis) -> bool:
    """Whether a one-word cue is a participle between a determiner and a noun that is no
    instrument ("de vastgestelde prioriteiten"; "het aangenomen voorstel" is a step)."""
    k = m.last
    if len(m.indices) != 1 or k == 0 or k + 1 >= len(tokens):
        return False
    if tokens[k - 1].lower not in DETERMINERS or tokens[k + 1].pos not in ("NOUN", "ADJ"):
        return False
    at = tokens[k + 1].start
    return not any(p.start <= at < p.end for p in analysis.phrases) and not any(
        e.kind == "instrument" for e in analysis.entities_in(at, at + 1))


def _attributive_adjective(tokens: list[Tok], m) -> bool:
    """Whether an adjective of the cue stands before a noun that is not the cue's: "wordt er op
    operationeel niveau gewerkt" says nothing becomes operational ("algemene oriëntatie" is
    the cue itself, and so is "voorlopig politiek akkoord", one more word before the cue's noun)."""
    return any(tokens[k].pos == "ADJ" and k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN"
               and k + 1 not in m.indices and k + 2 not in m.indices for k in m.indices)


def _particle_after(tokens: list[Tok], m, hi: int) -> int:
    """Where a cue ends: at the separated particle of its verb ("stelt … vast in welke"),
    or at its last word."""
    lemma = m.cue.words[-1][0]
    for k in range(m.last + 1, hi):
        if tokens[k].lower in PARTICLES and lemma.startswith(tokens[k].lower) and lemma != tokens[k].lower:
            return k
    return m.last


def _near_actor(cue: int, s_start: int, s_end: int, analysis: Analysis, reach: int = 80) -> bool:
    """ "vastgesteld", "aangenomen" are adoption only close to an instrument or a body
    ("systemische tekortkomingen vastgesteld worden" is not)."""
    def near(start: int, end: int) -> bool:  # a long name ends near the cue ("de conclusies van … aangenomen")
        return start - reach <= cue <= end + reach

    return any(near(e.start, e.end) for e in analysis.entities_in(s_start, s_end)
               if e.kind in ("instrument", "organisation")) or any(
        near(p.start, p.end) for p in analysis.phrases if s_start <= p.start < s_end)


def _presided(analysis: Analysis, bodies: dict[str, str], presidency_words: set[str]) -> frozenset[int]:
    """Starts of the body mentions that only say whose presidency it is ("onder het Spaanse
    voorzitterschap van de Raad is een akkoord bereikt"): that body took no step."""
    found = set()
    for e in analysis.entities:
        if e.iri in bodies:
            words = analysis.text[max(0, e.start - 40):e.start].lower().split()
            if words and words[-1] in ("de", "het"):
                words.pop()
            if len(words) >= 2 and words[-1] == "van" and words[-2] in presidency_words:
                found.add(e.start)
    return frozenset(found)


def _council_alone(stage: str, cue_text: str, cue: int, s_start: int, s_end: int, analysis: Analysis,
                   bodies: dict[str, str], presided: frozenset[int] = frozenset()) -> str:
    """ "De Raad bereikte overeenstemming over …": an agreement the Council (or Coreper) reaches
    without the Parliament is its own position, a general approach; with the Parliament, or
    called provisional or political, it is the trilogue's."""
    if stage != "provisional_agreement" or QUALIFIED_AGREEMENT_RE.search(cue_text):
        return stage
    keys = {bodies.get(e.iri) for e in analysis.entities_in(s_start, s_end)}
    if "EP" in keys or _body("general_approach", cue, s_start, s_end, analysis, bodies, presided) is None:
        return stage
    return "general_approach"


def _body(stage: str, cue: int, s_start: int, s_end: int, analysis: Analysis, bodies: dict[str, str],
          presided: frozenset[int] = frozenset()) -> str | None:
    """The body nearest the cue that can take this step; a named configuration beats "de Raad"."""
    allowed = COUNCIL_BODIES if stage in COUNCIL_STAGES else {"COM"} if stage == "proposal" else set(bodies.values())
    found = [e for e in analysis.entities_in(s_start, s_end) if bodies.get(e.iri) in allowed and e.start not in presided]
    if not found:
        return None
    specific = [e for e in found if bodies[e.iri] in DECIDING_BODIES - SPECIFIC_OVER]
    generic = any(bodies[e.iri] in SPECIFIC_OVER for e in found)
    pool = specific if specific and generic and stage in COUNCIL_STAGES | {"adoption"} else found
    return min(pool, key=lambda e: abs(e.start - cue)).iri


def _other_subclauses(tokens: list[Tok], cue: int) -> list[tuple[int, int]]:
    """Character spans of the subordinate clauses ("indien …", "die …") the cue at offset
    ``cue`` is not in: what they name is not what the step was taken on."""
    found = []
    for lo, hi in clauses(tokens):
        first = tokens[lo].lower
        if (first in SUBORDINATORS | RELATIVES | CONDITIONAL) and not tokens[lo].start <= cue < tokens[hi - 1].end:
            found.append((tokens[lo].start, tokens[hi - 1].end))
    return found


def _targets(text: str, s_start: int, s_end: int, context: InstrumentContext,
             previous: list[Instrument], cue_span: tuple[int, int] = (0, 0),
             aside: list[tuple[int, int]] = ()) -> tuple[list[Instrument], str]:
    """Instruments the sentence names (not those named inside another's name, nor frames,
    nor, when others are named, those of a subordinate clause ``aside`` from the cue's),
    plus those of the previous sentence when the subject refers back to them ("Deze
    aanpassingen ..."); else what a short mention in it refers to, or the section's."""
    a, b = cue_span
    # A mention inside the cue is the stage itself; one that runs on past it ("voorgestelde
    # visumvrijstelling voor …") or around it ("een aanbeveling gepubliceerd over …") is what
    # the cue is about.
    def about(m) -> bool:
        gap = context.gaps.get((m.start, m.end), (0, 0))
        return (m.start >= a and m.end > b) or gap[0] <= a < b <= gap[1]

    # the name in "(hierna: Y)" is the one before it again, which is judged by where it stands
    mentions = [m for m in context.in_span(s_start, s_end) if (not (m.start < b and a < m.end) or about(m))
                and not any(lo <= m.start < hi for lo, hi in context.definitions)]
    kept = [m for m in mentions if not any(lo <= m.start < hi for lo, hi in aside)]
    mentions = kept or mentions
    outer = outermost(mentions)
    # "conclusies … over de Europese agenda voor integratie": the agenda is what they are about
    outer = [m for n, m in enumerate(outer) if not (
        n and context.type_of(outer[n - 1].iri) & ABOUT_HEADS and ABOUT_GAP_RE.fullmatch(text[outer[n - 1].end:m.start]))]
    framing = [m for m in outer if FRAME_RE.search(text[max(s_start, m.start - 40):m.start])]
    named = list({ins.ref: ins for ins in (context.instrument(m.iri) for m in outer if m not in framing)}.values())
    # what the sentence names as a frame is not what it is about, however else it is found
    framed = {context.instrument(m.iri).ref for m in framing}
    # "De verordening betreffende ECRIS treedt …" names its own subject: nothing refers back
    # ("Het voorstel voor een richtlijn inzake X werd …" too)
    subject = ANAPHORIC_SUBJECT_RE.match(text[s_start:s_end])
    anaphoric = subject is not None and not any(
        m.start < s_start + subject.end() or NAMING_GAP_RE.fullmatch(text[s_start + subject.end():m.start]) for m in outer)
    if named and not anaphoric:
        return named, "target_mention_in_sentence"
    if previous and anaphoric:
        return [*previous, *named], "target_subject_refers_back" + ("+mention_in_sentence" if named else "")
    if named:
        return named, "target_mention_in_sentence"
    short = context.short_at(s_start, s_end)
    if short is not None:
        found, how = context.referents(short)
        found = [ins for ins in found if ins.ref not in framed]
        if found:
            return found, how
    topic = context.topic(s_start)
    if topic is not None and topic.ref not in framed:
        return [topic], "target_paragraph_topic"
    previous = [p for p in previous if p.ref not in framed]
    if previous:
        return previous, "target_previous_sentence"
    default = context.default(s_start)
    return ([default], "target_section_instrument") if default and default.ref not in framed else ([], "")


def _wished(tokens: list[Tok], spans: list[tuple[int, int]], k: int) -> bool:
    """Whether the step at token ``k`` is in a clause that says what an actor wants or
    expects ("Nederland wil dat de verordening wordt aangenomen", "de inzet is dat …"):
    a step aimed at, not taken."""
    while k > 0 and tokens[k].lower not in CLAUSE_OPENERS:
        k -= 1
    if k <= 0:
        return False
    lo, _ = clause_of(spans, k - 1)
    return any(t.lower in WISHES for t in tokens[lo:k])


def _relative_actor(tokens: list[Tok], spans: list[tuple[int, int]], at: int, analysis: Analysis,
                    bodies: dict[str, str]) -> str | None:
    """The actor that is the subject of a relative clause holding the cue at token ``at`` ("…
    het plan dat EASO en Griekenland hebben ondertekend"), when no body of the procedure stands
    in it: its organisation, or the first country."""
    lo, _ = clause_of(spans, at)
    if lo == 0 or tokens[lo].lower not in RELATIVES:
        return None
    actors = [e for e in analysis.entities_in(tokens[lo].start, tokens[at].start) if e.kind in ("organisation", "member_state")]
    if not actors or any(e.iri in bodies for e in actors):
        return None
    return next((e.iri for e in actors if e.kind == "organisation"), actors[0].iri)


def _own_object(tokens: list[Tok], spans: list[tuple[int, int]], at: int, cue_span: tuple[int, int],
                analysis: Analysis) -> bool:
    """Whether the cue's clause has a direct object of its own that is no instrument: an
    article or possessive not after a preposition, then a described noun (an adjective before
    it or a preposition after it) that no policy phrase, mention or cue covers ("heeft op
    4 maart het eerste verslag over de stand van Schengen gepresenteerd"; a bare "de tekst" is
    the text at hand)."""
    lo, hi = clause_of(spans, at)
    covered = [(p.start, p.end) for p in analysis.phrases] + [(e.start, e.end) for e in analysis.entities]
    for k in range(lo, hi):
        if not (tokens[k].pos == "DET" or tokens[k].lower in POSSESSIVES) or (k > lo and tokens[k - 1].pos == "ADP"):
            continue
        n = k + 1  # past adjectives and a truncated compound: "haar jaarlijkse migratie- en asielverslag"
        while n < hi and (tokens[n].pos in ("ADJ", "NUM") or tokens[n].text.endswith("-")
                          or (tokens[n].lower == "en" and tokens[n - 1].text.endswith("-"))):
            n += 1
        described = n > k + 1 or (n + 1 < hi and tokens[n + 1].pos == "ADP")
        if described and n < hi and tokens[n].pos == "NOUN" and not cue_span[0] <= tokens[n].start < cue_span[1] \
                and not any(a <= tokens[n].start < b for a, b in covered):
            return True
    return False


def _aimed_noun(tokens: list[Tok], spans: list[tuple[int, int]], k: int) -> bool:
    """Whether the step at token ``k`` is a noun that a word of wishing before it in its
    clause governs ("pleit voor een snelle inwerkingtreding"): aimed at, not taken."""
    lo, _ = clause_of(spans, k)
    return tokens[k].pos == "NOUN" and any(t.lower in WISHES for t in tokens[lo:k])


def _modal(tokens: list[Tok], spans: list[tuple[int, int]], k: int) -> bool:
    """Whether the clause of the step at token ``k`` says it can or must be taken ("kan de
    verordening worden aangenomen", "moet het mandaat nog worden vastgesteld"): not taken yet."""
    lo, hi = clause_of(spans, k)
    return any(t.lower in MODALS for t in tokens[lo:hi])


def _hypothetical(tokens: list[Tok], spans: list[tuple[int, int]], k: int) -> bool:
    """Whether the clause of the step at token ``k`` supposes it or holds it possible."""
    lo, hi = clause_of(spans, k)
    return any(t.lower in CONDITIONAL_VERBS or (t.lower in HEDGES and "zo" not in {w.lower for w in tokens[max(lo, n - 2):n]})
               for n, t in enumerate(tokens[lo:hi], lo))


def _event_date(text: str, s_start: int, s_end: int, cue: int, analysis: Analysis, body_iri: str | None,
                meeting: Meeting | None):
    """The date nearest the cue, not counting deadlines ("verlengd tot 4 maart 2027"); else,
    for a step the letter's own meeting took ("De JBZ-Raad heeft ... "), the meeting's date."""
    dates = [d for d in analysis.dates if s_start <= d.start < s_end
             and not DEADLINE_RE.search(text[max(s_start, d.start - 16):d.start])]
    if dates:
        nearest = min(dates, key=lambda d: abs(d.start - cue))
        return _tense_year(nearest, text[s_start:s_end], analysis.reference_date), "date_in_sentence"
    if meeting is not None and body_iri == meeting.body_iri:
        return meeting.first, "date_of_meeting"
    return None, ""


def events(document: Document, analysis: Analysis, kb: KnowledgeBase, context: InstrumentContext,
           meeting: Meeting | None = None) -> list[Event]:
    text = document.text
    bodies = {kb.by_key("organisation", k).iri: k for k in BODY_KEYS if kb.by_key("organisation", k)}
    bodies_by_key = {k: iri for iri, k in bodies.items()}
    lex = stage_cues(kb)
    presided = _presided(analysis, bodies, actors(kb).presidency_words)
    result: list[Event] = []
    seen: set[tuple] = set()
    previous: list[Instrument] = []
    previous_section = -1
    for s_start, s_end in analysis.sentences:
        paragraph = document.paragraph_at(s_start)
        # a heading names a topic ("Triloogakkoord"), it does not report a step
        if (paragraph and paragraph.kind in SKIP_PARAGRAPHS) or s_start in analysis.headings:
            continue
        section = context.section_of(s_start)
        if section != previous_section:
            previous, previous_section = [], section
        mentioned = [context.instrument(e.iri) for e in context.in_span(s_start, s_end)]
        sentence = text[s_start:s_end]
        found = _stage(analysis.tagged[s_start], s_start, analysis, bodies, lex) if s_start in analysis.tagged else None
        if found is None:
            previous = mentioned or previous
            continue
        stage, cue, cue_span = found
        tokens = analysis.tagged[s_start]
        spans, at = clauses(tokens), index_at(tokens, cue)
        stage = _council_alone(stage, text[cue_span[0]:cue_span[1]], cue, s_start, s_end, analysis, bodies, presided)
        targets, how = _targets(text, s_start, s_end, context, previous, cue_span,
                                _other_subclauses(tokens, cue))
        # a stage the sentence names by its noun ("het voortgangsverslag is aangenomen") is as strong
        named_stage = bool(find_cues([t for t in tokens if cue_span[0] <= t.start < cue_span[1]],
                                     lex.nominal))
        if not how.startswith(IN_SENTENCE) and stage not in STRONG_STAGES and not named_stage:
            previous = mentioned or previous
            continue
        if how in FALLBACKS and _own_object(tokens, spans, at, cue_span, analysis):
            continue  # "De Commissie presenteerde het eerste verslag over …": a step of what it names
        if how == "target_mention_in_sentence":
            # Otherwise the referents stay: a subject that refers back passes them on.
            previous = targets
        if not targets:
            continue
        dates = [d for d in analysis.dates if s_start <= d.start < s_end]
        signer = _relative_actor(tokens, spans, at, analysis, bodies) if stage == "adoption" else None
        if signer is not None:
            # "het plan dat EASO en Griekenland hebben ondertekend": the parties' act, none of the Council's
            stage = "other"
        body_iri = signer if signer is not None else None if stage in BODYLESS else _body(
            stage, cue, s_start, s_end, analysis, bodies, presided)
        if body_iri is not None:
            body_iri = at_meeting_body(body_iri, meeting, dates, bodies_by_key.get("COUNCIL", ""))
        if body_iri is None and stage in DEFAULT_BODY:
            fallback = kb.by_key("organisation", DEFAULT_BODY[stage])
            body_iri = fallback.iri if fallback else None
        when, dated = _event_date(text, s_start, s_end, cue, analysis, body_iri, meeting)
        future = (bool(FUTURE_RE.search(sentence)) or _wished(tokens, spans, at) or _modal(tokens, spans, at)
                  or _hypothetical(tokens, spans, at))
        if _aimed_noun(tokens, spans, at):
            continue  # "Het kabinet hecht aan een spoedige inwerkingtreding": a step wished for, of any stage
        if stage == "application" and when is None:
            continue  # "landen waar een inreisverbod van toepassing is": a state described, no step dated
        if future and stage in PLANNED_NOT_TAKEN:
            continue  # "De Commissie zal een voorstel presenteren": a step announced, not taken
        if when and analysis.letter_date and when > analysis.letter_date and stage in PLANNED_NOT_TAKEN:
            continue  # "… die de Raad op 8 december vaststelt" in a letter of October: not yet taken
        confidence = (0.7 if how == "target_mention_in_sentence" else 0.55) - (0.15 if future else 0)
        for target in {t.ref: t for t in targets}.values():
            # The Commission adopts its own implementing acts; it proposes nothing there.
            step = "adoption" if stage == "proposal" and _commission_act(target) else stage
            # the Council's agreement on a text it alone adopts (conclusions, a declaration) adopts it
            step = "adoption" if step in COUNCIL_STAGES and target.type_name in ADOPTED_WHEN_AGREED else step
            key = (target.ref, step, body_iri, when)
            if key in seen:
                continue
            seen.add(key)
            rule = f"stage_{step}+{how}" + (f"+{dated}" if dated else "")
            result.append(Event(target, step, body_iri, when, sentence_of(analysis, text, s_start),
                                rule, round(confidence, 2)))
    listed, intros = listed_events(document, analysis, context, lex, bodies, meeting)
    result = [e for e in result if e.evidence.start not in intros]
    # a sentence read for its step says it; the list mark after it ("(a-punt)") adds no other
    # step of the same instrument, and its own reading of the same step is the fuller one
    stated = {(e.evidence.start, e.target.ref): e.stage for e in result}
    listed = [e for e in listed if stated.get((e.evidence.start, e.target.ref), e.stage) == e.stage]
    same = {(e.evidence.start, e.target.ref, e.stage) for e in listed}
    result = [e for e in result if (e.evidence.start, e.target.ref, e.stage) not in same]
    fiche = form_events(text, analysis, kb, context, bodies_by_key.get("COM"))
    for e in fiche + listed + citation_events(document, analysis, kb, context, bodies) + dated_document_events(
            document, analysis, kb, context, bodies):
        if (e.target.ref, e.stage, e.body_iri, e.date) not in seen:
            seen.add((e.target.ref, e.stage, e.body_iri, e.date))
            result.append(e)
    return _drop_undated_repeats(result)


def listed_events(document: Document, analysis: Analysis, context: InstrumentContext, lex: StageCues,
                  bodies: dict[str, str], meeting: Meeting | None) -> tuple[list[Event], set[int]]:
    """Council reports list what the meeting did, an instrument per bullet and its step in
    brackets ("- voorstel voor een richtlijn inzake mensenhandel (algemene oriëntatie,
    agendapunt 5);"), or under a sentence that states the step for all ("heeft de Raad de
    volgende instrumenten aangenomen:"). The events, and the starts of the introducing
    sentences, whose own event would be about "the following instruments"."""
    text = document.text
    found: list[Event] = []
    intros: set[int] = set()
    intro: tuple[int, str | None] | None = None  # the introducing sentence and its step
    continued = False  # the item before ended in ";": a paragraph after it is the next item, marker lost or not
    for para in document.paragraphs:
        if para.kind != "bullet" and not (continued and para.kind == "body"):
            s_start, s_end = analysis.sentence_at(max(para.start, para.end - 1))
            intro = None
            if text[s_start:s_end].rstrip().endswith(":"):
                step = _stage(analysis.tagged[s_start], s_start, analysis, bodies, lex) \
                    if s_start in analysis.tagged else None
                intro = (s_start, step[0] if step else None)
            continued = False
            continue
        continued = text[para.start:para.end].rstrip().endswith(";")
        item = text[para.start:para.end].rstrip(" ;.,")
        opening = item.rfind("(") if item.endswith(")") else -1
        stage, how = None, "listed_with_its_step"
        if opening > 0:
            tokens = analysis.tokens(para.start + opening + 1, para.start + len(item) - 1)
            steps = {lex.stage_of[m.cue.concept] for m in find_cues(tokens, lex.steps)}
            stage = next((st for st in STAGE_ORDER if st in steps), None)
        if stage is None and intro is not None and intro[1] is not None:
            stage, how, opening = intro[1], "listed_under_its_step", len(item)
        named = context.in_span(para.start, para.start + opening) if stage else []
        if not named:
            continue
        if intro is not None:
            intros.add(intro[0])
        body_iri = meeting.body_iri if meeting is not None and stage not in BODYLESS else None
        when = meeting.first if meeting is not None else None
        found.append(Event(context.instrument(named[0].iri), stage, body_iri, when,
                           sentence_of(analysis, text, para.start),
                           f"stage_{stage}+{how}" + ("+date_of_meeting" if when else ""), 0.75))
    return found, intros


DATED_STAGES = {"COM": "proposal", "COUNCIL": "adoption", "JHA_COUNCIL": "adoption", "EUCO": "adoption"}
MEETING_OUTCOMES = {"Conclusions"}  # documents a meeting of several days adopts ("conclusies van de Europese Raad van 21–22 oktober")


def dated_document_events(document: Document, analysis: Analysis, kb: KnowledgeBase,
                          context: InstrumentContext, bodies: dict[str, str]) -> list[Event]:
    """ "de mededeling van de Commissie van 13 mei 2015", "het Commissievoorstel van 4 mei 2016",
    "de Raadsconclusies van 9 juni 2022": a document dated with its author's name is the
    author's step of that day — the Commission's proposal (its own acts: adoption), the
    Council's adoption."""
    text = document.text
    by_date = {d.start: d for d in analysis.dates}
    prefixes = sorted(((label.lower(), key) for iri, key in bodies.items() if key in DATED_STAGES
                       for label, _, _ in kb.entities[iri].labels if " " not in label), key=lambda x: -len(x[0]))
    found: list[Event] = []
    for p in analysis.phrases:
        when = by_date.get(p.dated[0]) if p.dated != (0, 0) else None
        if when is None:
            continue
        paragraph = document.paragraph_at(p.start)
        if paragraph and paragraph.kind in SKIP_PARAGRAPHS:
            continue
        named = [e for e in analysis.entities_in(p.start, p.dated[0]) if bodies.get(e.iri) in DATED_STAGES]
        head = text[p.head_start:p.head_end].lower()
        key = bodies[named[0].iri] if named else next(
            (k for label, k in prefixes if head.startswith(label) and len(head) > len(label) + 1), None)
        targets = context.in_span(p.start, p.end)
        if key is None or not targets:
            continue
        target = context.instrument(targets[0].iri)
        if when.is_range and target.type_name not in MEETING_OUTCOMES:
            continue  # "de agenda van de JBZ-Raad van 3 en 4 december": the days are the meeting's
        stage = "adoption" if key == "COM" and _commission_act(target) else DATED_STAGES[key]
        found.append(Event(target, stage, kb.by_key("organisation", key).iri, when.first,
                           sentence_of(analysis, text, p.start), f"stage_{stage}+dated_document+date_of_document", 0.7))
    return found


def _commission_act(target: Instrument) -> bool:
    """An implementing act or a recommendation the Commission makes itself, not one of the Council's."""
    return target.type_name in COMMISSION_ACT_TYPES and not COUNCIL_ACT_RE.search(target.label)


def citation_events(document: Document, analysis: Analysis, kb: KnowledgeBase,
                    context: InstrumentContext, bodies: dict[str, str]) -> list[Event]:
    """ "Verordening (EU) 2024/1350 van het Europees Parlement en de Raad van 14 mei 2024": an
    act cited with its authors and date was adopted by them on that date. Footnotes cite acts
    this way, so this is how a letter dates the acts it builds on."""
    text = document.text
    lex = policy_lexicon(kb)
    _names, ids = kb_keys(kb)
    found: list[Event] = []
    for ref in analysis.references:
        if ref.rule != "act_citation":
            continue
        after = [d for d in analysis.dates if ref.end < d.start <= ref.end + CITATION_REACH]
        if not after:
            continue
        when = after[0]
        authors = [e for e in analysis.entities_in(ref.end, when.start) if e.kind == "organisation"]
        rest = text[ref.end:when.start]
        for e in reversed(authors):
            rest = rest[:e.start - ref.end] + " " + rest[e.end - ref.end:]
        if not authors or not set(rest.split()) <= CITATION_GLUE or not rest.split()[:1] == ["van"]:
            continue
        target = _cited(ref, context, lex, ids)
        keys = {bodies.get(e.iri) for e in authors}
        body_iri = authors[0].iri if len(authors) == 1 and keys <= set(BODY_KEYS) else None
        found.append(Event(target, "adoption", body_iri, when.first, sentence_of(analysis, text, ref.start),
                           "stage_adoption+act_citation+date_of_act", 0.9))
    return found


def _cited(ref, context: InstrumentContext, lex, ids: dict[str, str]) -> Instrument:
    """The instrument an act citation names: the mention at it, the KB entry with its
    number, or one minted from the citation."""
    at = [m for m in context.in_span(ref.start, ref.end) if m.end <= ref.end + 1]
    if at:
        return context.instrument(at[0].iri)
    if ref.ref.lower() in ids:
        return context.instrument(ids[ref.ref.lower()])
    hit = lex.head_of(ref.text.split()[0].lower())
    return Instrument(iri="", key=phrase_key(ref.text.split(), lex), label=ref.text,
                      type_name=hit[1] if hit else "LegalInstrument",
                      identifiers=((ID_PROPERTY[ref.kind], ref.ref),))


def _tense_year(found: DateMention, sentence: str, reference: date | None) -> date:
    """A date without year or marker was placed nearest the letter's date; a sentence in the
    future tense ("zal op 12 juli ...") puts it after the letter instead."""
    when = found.first
    if found.rule == "nearest" and reference and when < reference and FUTURE_RE.search(sentence):
        try:
            return when.replace(year=when.year + 1)
        except ValueError:
            return when
    return when


def _drop_undated_repeats(found: list[Event]) -> list[Event]:
    """An undated mention of a step the letter also dates ("samen met de EU-visumstrategie")
    adds nothing: keep the dated one."""
    dated: dict[tuple, set] = {}
    for e in found:
        if e.date:
            dated.setdefault((e.target.ref, e.stage), set()).add(e.body_iri)
    return [e for e in found if e.date or not (
        (bodies := dated.get((e.target.ref, e.stage))) and (e.body_iri is None or e.body_iri in bodies))]
