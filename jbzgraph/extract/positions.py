"""Positions: who supports, opposes, doubts, abstains on or takes note of which instrument.

Produces ``jbz:Position`` with ``jbz:holder``, ``jbz:target``, ``jbz:stance``,
``jbz:intended``. Token rules over the tagged words of a sentence:

- the stance comes from a cue of the lexicon (``jbz:cue`` on the stance concepts) in a clause;
  a negation in that clause turns support into opposition and cancels a concern;
- the holder is the actor that stands as the clause's subject: before the cue, or right
  after it when the verb comes first ("Daarom steunt het kabinet …"), or after "door" in the
  passive, or after "steun van"; an earlier clause of the sentence when the cue's has none.
  Actors are the KB's countries and organisations, a country adjective before an office
  noun ("de Duitse minister"), the Dutch government's own words ("het kabinet", "wij"),
  and unnamed sets of states ("een aantal lidstaten", "de meeste landen") as ``MULTIPLE``;
  actors coordinated with the holder or joined by "samen met", "net als" hold it too;
- the target is the first instrument named or referred to after the cue in its clause or
  the next ones, else one named before it in the sentence, else the one in focus.
"""

from dataclasses import dataclass, replace
from functools import lru_cache

from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.instruments import InstrumentContext, outermost
from jbzgraph.extract.model import Event, Instrument, Meeting, Position
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.namespace import JBZ
from jbzgraph.nlp import Analysis
from jbzgraph.nlp.cues import RELATIVES, SUBORDINATORS, clause_of, clauses, compile_cues, find_cues, nominal_infinitive
from jbzgraph.nlp.tokens import Tok
from jbzgraph.nlp.triggers import PARTICLES

# Closed-class Dutch: negators, markers of an intention, and prepositions that make the actor
# after them someone other than the one speaking. Grammar, not vocabulary.
NEGATORS = {"niet", "geen", "nooit", "allerminst"}
OBLIGATION = {"moet", "moeten", "dient", "dienen", "nodig", "vereist"}  # "hiervoor is brede steun nodig"
INTENT_WORDS = {"zal", "zullen", "wil", "willen", "voornemens", "beoogt", "beogen", "inzet", "intentie", "zou",
                "zouden", "verwacht"}
# What joins co-holders: "Nederland en België", "zowel X als Y", "alle lidstaten, inclusief Nederland,"
COORDINATION = {"en", ",", "ook", "alsook", "als", "zowel", "inclusief", "waaronder", "met", "name"}
ALONGSIDE = ({"samen", "met"}, {"net", "als"}, {"evenals"}, {"zoals", "ook"}, {"met"})
NOT_SUBJECT_PREPOSITIONS = {"met", "van", "aan", "naar", "bij", "tussen", "voor", "uit", "in", "op", "tot",
                            "tegen", "over", "volgens", "namens", "zonder", "onder", "binnen", "buiten", "tijdens",
                            "waaronder", "zoals", "inclusief", "behalve", "dan", "richting", "jegens", "vanuit"}
AGENT = {"door"}
# Prepositions that open the object of a stance ("pleit voor", "kritisch over"); not "van" or "door", after which the holder stands
OBJECT_PREPOSITIONS = {"voor", "met", "tegen", "aan", "op", "over", "bij", "in", "tegenover"}
# An agent after the verb needs a passive: "werd gesteund door Nederland", not "steunden ... het door Nederland benadrukte belang".
PASSIVE_AUXILIARIES = {"worden", "zijn"}
SUBJECT_RELATIVES = {"die", "welke"}
VIEWPOINT = "voor"
OF_WORDS = {"van", "met", "in", "bij"}  # "tekortkomingen van X", "problemen met X", "knelpunten in X"
COPULA = "zijn"  # "is verheugd dat …": a predicate of feeling
PASSIVE = "worden"  # "zijn" is also the perfect's ("is akkoord gegaan")
NON_HOLDER_KEYS = {"TWEEDE_KAMER"}
# Bodies whose agreement is a decision, a step of the procedure (see events), not a position:
# "De Raad stemde in met het voorstel", "Het Coreper heeft ingestemd met het mandaat"; what
# else they say is a position ("De Raad verwelkomde het actieplan").
DECIDING_KEYS = {"COUNCIL", "JHA_COUNCIL", "GAC", "COREPER", "EUCO"}
SKIP_PARAGRAPHS = {"question", "footnote", "signature", "header"}
NEXT_CLAUSES = 2
CONTRASTIVE = {"maar", "echter", "doch"}
LABEL_REACH = 8  # words of a topic label before its colon
SUBJECT_PRONOUNS = {"zij", "ze", "hij", "wij", "we"}
SAYS_THAT_REACH = 7  # words between a verb of saying and its "dat"
# Words that may stand before a subject without making it something else's (grammar).
SUBJECT_OPENERS = {"de", "het", "een", "ook", "daarom", "daarnaast", "tevens", "eveneens", "bovendien", "verder",
                   "vervolgens", "tegelijkertijd", "zo", "dan", "nog", "echter", "wel", "maar", "en", "dat", "die",
                   "alle", "andere", "overige", "enkele", "verschillende", "diverse", "zowel", "als", "toen", "nu"}
# Words of extent before a noun of stance: "brede steun", "veel bezwaar" (grammar).
# Words of how widely a stance is shared; with them it is the member states' whoever observes it.
BREADTH = {"brede", "breed", "ruime", "ruim", "veel", "algemene", "unanieme", "wijdverbreide", "overweldigende", "voldoende"}
SCARCITY = {"weinig", "nauwelijks", "beperkte", "beperkt", "onvoldoende"}  # "weinig steun": most are against
EXTENT = BREADTH | {"grote", "groot", "volledige", "stevige", "sterke"}
INVERSION_REACH = 4
SUBORDINATE_OPENERS = (SUBORDINATORS | RELATIVES) - {"maar"}
AGENT_REACH = 4  # words between a passive participle and its "door" agent
ALONGSIDE_REACH = 8  # words between a holder and one "samen met" it
MEETING_WORDS = {"jbz-raad", "raad", "raadsverband"}
AUTHORING_STAGES = {"proposal", "adoption"}  # the body that takes them is the text's author
AUTHORED_TYPES = {"JointStatement"}  # what is written and sent, so its authors hold it


@dataclass(frozen=True)
class Holder:
    index: int  # first token of the actor's phrase
    end: int
    iri: str
    after_preposition: str  # the preposition before it, or ""


class Actors:
    """The actor words of the KB, read once per KB."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        multiple = kb.by_key("unnamed_group", "MULTIPLE")
        self.multiple = multiple.iri if multiple else ""
        self.holder_words = {w.lower(): subject for subject, w in kb.lexicon.get("holderCue", ())}
        self.quantifiers: dict[str, list[tuple[str, ...]]] = {}  # by first word, longest first
        for q in sorted((tuple(w.lower().split()) for w in kb.words("quantifier", self.multiple)),
                        key=len, reverse=True):
            self.quantifiers.setdefault(q[0], []).append(q)
        self.group_nouns = {w.lower() for w in kb.words("groupNoun", self.multiple)}
        self.offices = {w.lower() for w in kb.words("officeNoun", str(JBZ.Country))}
        council = kb.by_key("organisation", "COUNCIL")
        self.council = council.iri if council else ""
        presidency = kb.by_key("organisation", "PRESIDENCY")
        self.presidency = presidency.iri if presidency else ""
        self.presidency_words = {w.lower() for w in kb.words("officeNoun", self.presidency)}
        self.stances = {c.iri: n for (kind, n), c in kb.concepts.items() if kind == "stance"}
        self.cues = [c for c in compile_cues(kb, "cue") if c.concept in self.stances]
        # "de brief die Nederland met veertien lidstaten verstuurde": its authors support it
        self.authorship = [c for c in compile_cues(kb, "authorshipCue") if c.concept in self.stances]
        self.stance_cues = self.cues + self.authorship
        concern = kb.concepts.get(("stance", "concern"))
        # "roept op tot het aanpakken van tekortkomingen van het Schengenacquis": concern about it
        self.deficiencies = {w.lower() for w in kb.words("deficiencyNoun", concern.iri)} if concern else set()
        # nouns of a stance an adjective of nationality may hold ("de Duitse insteek")
        self.stance_nouns = {c.words[0][0] for c in self.cues if c.words[0][1] == "NOUN"}
        # Words whose assent by a Council body is its decision, a step (see events), not a
        # position: the stage cues and the council cues ("De Raad stemde in met …").
        stages = {c.iri for (kind, _), c in kb.concepts.items() if kind == "stage"}
        self.decisions = {c.words for c in compile_cues(kb, "cue") + compile_cues(kb, "councilCue") if c.concept in stages}


@lru_cache(maxsize=4)
def actors(kb: KnowledgeBase) -> Actors:
    return Actors(kb)


def index_at(tokens: list[Tok], offset: int) -> int:
    """The token at ``offset``, or the first after it."""
    for i, t in enumerate(tokens):
        if t.start <= offset < t.end or t.start >= offset:
            return i
    return len(tokens)


def find_holders(tokens: list[Tok], analysis: Analysis, kb: KnowledgeBase) -> list[Holder]:
    """Every actor of a sentence, in order."""
    a = actors(kb)
    found: list[Holder] = []
    taken: set[int] = set()
    s_start, s_end = tokens[0].start, tokens[-1].end

    def add(i: int, j: int, iri: str) -> None:
        if iri and not any(k in taken for k in range(i, j)):
            taken.update(range(i, j))
            prev = tokens[i - 1].lower if i > 0 else ""
            if prev in ("de", "het") and i > 1:
                prev = tokens[i - 2].lower
            # (after a slash it is part of a name: "de vaste commissie voor Immigratie en Asiel / JBZ-Raad")
            found.append(Holder(i, j, iri, prev if prev in NOT_SUBJECT_PREPOSITIONS | AGENT | {"/"} else ""))

    mentions = analysis.entities_in(s_start, s_end)
    adjectives = {k for e in mentions if e.rule == "gazetteer_adjective"
                  for k in range(index_at(tokens, e.start), index_at(tokens, e.end - 1) + 1)}
    for e in mentions:
        i, j = index_at(tokens, e.start), index_at(tokens, e.end - 1) + 1
        if e.rule == "gazetteer_adjective":
            # past adjectives joined to it: "de Duitse en Nederlandse insteek"
            k = j
            while k < len(tokens) and (k in adjectives or tokens[k].lower in ("en", ",")):
                k += 1
            nxt = tokens[k].lower if k < len(tokens) else ""
            if e.kind == "member_state" and k == j and nxt in a.offices:
                add(i, j + 1, e.iri)  # "de Duitse minister"
            elif e.kind == "member_state" and nxt in a.stance_nouns:
                add(i, j, e.iri)  # "de Duitse en Nederlandse insteek"
            elif nxt in a.presidency_words:
                add(i, j + 1, a.presidency)  # "het Deense voorzitterschap"
            continue
        if e.kind in ("member_state", "organisation") and kb.entities[e.iri].key not in NON_HOLDER_KEYS:
            add(i, j, e.iri)
    named = {p.start for p in analysis.persons}
    for i, t in enumerate(tokens):
        if i in taken:
            continue
        word = t.lower if t.lower in a.holder_words else t.lemma
        if word in a.holder_words:
            # "voorzitter Von der Leyen" chairs some body; the Presidency is a member state
            if not (a.holder_words[word] == a.presidency and i + 1 < len(tokens) and tokens[i + 1].start in named):
                add(i, i + 1, a.holder_words[word])
            continue
        q = _quantified_group(tokens, i, a)
        if q:
            add(i, q, a.multiple)
    label = _topic_label_end(tokens)
    found = sorted((h for h in found if h.index >= label), key=lambda h: h.index)
    # "waaronder Italië en Denemarken": an actor coordinated with one after a preposition is
    # after it too.
    for n in range(1, len(found)):
        prev, h = found[n - 1], found[n]
        if prev.after_preposition and not h.after_preposition and \
                {t.lower for t in tokens[prev.end:h.index]} <= {"en", ",", "of"}:
            found[n] = Holder(h.index, h.end, h.iri, prev.after_preposition)
    return found


def _quantified_group(tokens: list[Tok], i: int, a: Actors) -> int:
    """End index of "een aantal (andere) lidstaten", "26 andere lidstaten" starting at ``i``,
    or of a bare group noun opening the sentence ("Lidstaten namen daar kennis van"), or 0."""
    if i == 0 and tokens[0].lower in a.group_nouns:
        return 1
    for q in a.quantifiers.get(tokens[i].lower, ()):
        n = len(q)
        if tuple(t.lower for t in tokens[i:i + n]) == q:
            break
    else:
        n = 1 if tokens[i].pos == "NUM" or tokens[i].text.isdigit() else 0
        if not n:
            return 0
    j = i + n
    while j < len(tokens) and j - i < n + 2 and tokens[j].lower not in a.group_nouns \
            and (tokens[j].pos == "ADJ" or tokens[j].lower in ("andere", "overige", "gelijkgezinde", "eu")):
        j += 1
    return j + 1 if j < len(tokens) and tokens[j].lower in a.group_nouns else 0


def _alongside(tokens: list[Tok], h: Holder) -> bool:
    """ "net als Nederland", "samen met Duitsland": an actor that shares the position of another."""
    before = {t.lower for t in tokens[max(0, h.index - 3):h.index]}
    return any(m <= before for m in ALONGSIDE[:4])


def _coordinated(holders: list[Holder], chosen: Holder, tokens: list[Tok]) -> list[Holder]:
    """Actors joined to ``chosen`` by "en" or commas ("Nederland en België"), or by "samen met",
    "net als" anywhere in the clause."""
    result = []
    for h in holders:
        if h is chosen:
            continue
        lo, hi = (h.end, chosen.index) if h.index < chosen.index else (chosen.end, h.index)
        between = {t.lower for t in tokens[lo:hi]}
        if between and between <= COORDINATION:
            result.append(h)
            continue
        if abs(h.index - chosen.index) <= ALONGSIDE_REACH and _alongside(tokens, h):
            result.append(h)
    return result


def _implied(tokens: list[Tok], m, a: Actors, breadth_only: bool = False) -> Holder | None:
    """ "Er was brede steun voor …", "kregen veel steun": a noun of stance with a word of
    extent before it, or in a sentence that opens with "er", and no actor, is the member
    states' (``MULTIPLE``); with ``breadth_only``, a noun with a word of breadth before it
    ("constateerde brede steun"), whoever the subject."""
    noun = _cue_noun(tokens, m)
    if noun is None or not a.multiple:
        return None
    existential = not breadth_only and any(t.lower == "er" for t in tokens[:noun])
    if _before_noun(tokens, m) & ((BREADTH if breadth_only else EXTENT) | SCARCITY) or existential:
        return Holder(noun, noun + 1, a.multiple, "")
    return None


def _cue_noun(tokens: list[Tok], m) -> int | None:
    return next((k for k in range(m.first, m.last + 1) if tokens[k].pos == "NOUN"), None)


def _before_noun(tokens: list[Tok], m) -> set[str]:
    """The two words before the cue's noun ("brede steun", "weinig steun"), or none."""
    noun = _cue_noun(tokens, m)
    return set() if noun is None else {t.lower for t in tokens[max(0, noun - 2):noun]}


def _subject_like(tokens: list[Tok], spans, h: Holder) -> bool:
    """Whether an actor stands where a clause's subject stands: after nothing but adverbs,
    determiners, conjunctions and at most one finite verb ("Het kabinet …", "Daarom steunt
    het kabinet …", ", maar ook Duitsland …"); one inside a noun phrase ("het agentschap
    Frontex") does not."""
    lo, _ = clause_of(spans, h.index)
    # A main clause's finite verb is its second constituent, the subject may follow it and
    # anything may come first: "Gedurende de onderhandelingen heeft Nederland … benadrukt".
    k = h.index - 1
    while k > lo and tokens[k].pos == "DET":
        k -= 1  # "heeft het kabinet"
    if k > lo and tokens[k].pos in ("VERB", "AUX") and tokens[lo].lower not in SUBORDINATE_OPENERS \
            and not any(t.pos in ("VERB", "AUX") for t in tokens[lo:k]):
        return True
    verbs = 0
    for t in tokens[lo:h.index]:
        if t.pos in ("VERB", "AUX"):
            verbs += 1
        elif t.pos and t.pos not in ("DET", "ADV", "CCONJ", "SCONJ", "NUM") and t.lower not in SUBJECT_OPENERS:
            return False
        elif not t.pos and t.lower not in SUBJECT_OPENERS:
            return False
    return verbs <= 1


def _holder_for(holders: list[Holder], tokens: list[Tok], spans, m, policy: set[int] = frozenset()) -> Holder | None:
    """The actor holding the position a cue states, or None (``policy``: where instrument
    words start)."""
    lo, hi = clause_of(spans, m.first)
    # "Voor het kabinet is het van belang dat …": an actor after a clause-opening "voor" is whose view it is
    # and so is one right before or after a judging word: "is voor Nederland aanvaardbaar", "acceptabel voor Nederland"
    free = [h for h in holders if (not h.after_preposition or (h.after_preposition == VIEWPOINT and (
                h.index <= lo + 2 or h.end == m.first or (h.end + 1 == m.first and tokens[h.end].lower in NEGATORS)
                or h.index - m.last == 2)))
            and not _alongside(tokens, h)]
    nouns = [k for k in m.indices if tokens[k].pos == "NOUN"] or [m.last]
    passive = any(t.lemma in PASSIVE_AUXILIARIES for t in tokens[lo:m.first])
    for h in holders:
        # "gesteund door Nederland", "steun van het kabinet en veel andere lidstaten"
        if h.after_preposition in AGENT and lo <= h.index < hi and (
                -AGENT_REACH <= h.index - m.first < 0 or (passive and 0 < h.index - m.last <= AGENT_REACH)):
            return h  # "wordt door Nederland gesteund", "werd gesteund door Nederland"
        if h.after_preposition == "van" and any(0 < h.index - k <= 3 and not nominal_infinitive(tokens, k) for k in nouns):
            return h
    if tokens[m.first].pos == "VERB" and any(t.lemma == PASSIVE for t in tokens[lo:m.first]):
        return None  # "de Commissie werd opgeroepen tot …": the subject of a passive is acted on
    before = [h for h in free if lo <= h.index < m.first]
    subjects = [h for h in before if _subject_like(tokens, spans, h)]
    if subjects or before:
        return (subjects or before)[-1]
    # "Daarom steunt het kabinet …", "Daarom trekken Nederland en België hierin samen op"
    after = [h for h in free if h.index < hi and h.index not in m.indices and (
        m.last < h.index <= m.last + INVERSION_REACH or m.first < h.index <= m.first + INVERSION_REACH)]
    if after:
        return after[0]
    if _own_subject(tokens, lo, m.first, policy):
        return None  # "sprak de verwachting uit dat recente wijzigingen bijdragen aan …"
    if lo > 0 and tokens[lo].lower in SUBJECT_RELATIVES and not any(t.lemma in PASSIVE_AUXILIARIES for t in tokens[lo:hi]):
        # an active relative clause's subject is what it follows: "de Commissie, die oproept tot …",
        # but "een verklaring, die oproept tot …" is no actor's
        before_comma = lo - 1 if tokens[lo - 1].text != "," else lo - 2
        return next((h for h in holders if h.index <= before_comma < h.end), None)
    earlier = [h for h in free if h.index < lo and _subject_like(tokens, spans, h)]
    return earlier[0] if earlier else None


def _nested_aim(m, matches, tokens: list[Tok], spans, a: Actors) -> bool:
    """Whether ``m`` is a noun of support that is the object of a verb of support before it
    in its clause ("steunt de inzet van de Commissie om …")."""
    if m.cue.words[0][1] != "NOUN" or a.stances[m.cue.concept] != "support":
        return False
    clause = clause_of(spans, m.first)
    return any(o is not m and o.last < m.first and clause_of(spans, o.first) == clause
               and a.stances[o.cue.concept] == "support" and tokens[o.first].pos == "VERB" for o in matches)


def _topic_label_end(tokens: list[Tok]) -> int:
    """The index past the colon of a topic label opening the sentence ("Europese grens- en
    kustwacht: er is voortgang geboekt …"), or 0: an actor named there is the topic."""
    for k, t in enumerate(tokens[:LABEL_REACH]):
        if t.text == ":":
            return k + 1
        if t.pos in ("VERB", "AUX"):
            return 0
    return 0


def _own_subject(tokens: list[Tok], lo: int, cue: int, policy: set[int]) -> bool:
    """Whether the subordinate clause from ``lo`` opens with a subject of its own that is no
    actor and no instrument (``policy``: the starts of instrument words), so that what its
    cue states is not the main clause's actor's."""
    if tokens[lo].lower not in SUBORDINATORS:
        return False
    k = lo + 1
    while k < cue and tokens[k].pos in ("DET", "ADJ", "NUM"):
        k += 1
    return k < cue and tokens[k].pos == "NOUN" and tokens[k].start not in policy


def at_meeting_body(iri: str, meeting: Meeting | None, dates: list, council: str) -> str:
    """ "de Raad" in a letter about one Council meeting is that meeting's configuration, unless
    the sentence dates what it says outside the meeting ("op 23 februari bekrachtigd in de Raad")."""
    if iri != council or meeting is None or meeting.body_iri == council:
        return iri
    if any(not (meeting.first <= d.first <= meeting.last) for d in dates):
        return iri
    return meeting.body_iri


def positions(document: Document, analysis: Analysis, kb: KnowledgeBase, context: InstrumentContext,
              meeting: Meeting | None = None) -> list[Position]:
    text = document.text
    a = actors(kb)
    result: list[Position] = []
    seen: set[tuple[str, str, str]] = set()
    # a heading names a topic ("Blijvende inzet van Nederland in de Raad"), it takes no position
    for s_start, s_end in analysis.sentences:
        if s_start not in analysis.tagged or s_start in analysis.headings:
            continue
        paragraph = document.paragraph_at(s_start)
        if paragraph and paragraph.kind in SKIP_PARAGRAPHS:
            continue
        tokens = analysis.tagged[s_start]
        spans = clauses(tokens)
        matches = [m for lo, hi in spans for m in find_cues(tokens, a.stance_cues, lo, hi)]
        if not matches:
            continue
        # a word of an instrument's name is not the speaker's ("stemde in met het actieplan tegen drugshandel")
        names = [(p.head_end, p.end) for p in analysis.phrases if s_start <= p.start < s_end and p.end > p.head_end]
        matches = [m for m in matches if not any(n_start <= tokens[k].start < n_end for k in m.indices for n_start, n_end in names)]
        # "steunt het kabinet de inzet van de Commissie om …": the aim supported is the supporter's
        # position; the nested one is reported, not taken here
        matches = [m for m in matches if not _nested_aim(m, matches, tokens, spans, a)]
        holders = find_holders(tokens, analysis, kb)
        policy = {p.head_start for p in analysis.phrases if s_start <= p.start < s_end} | {
            e.start for e in context.in_span(s_start, s_end)} | {p.start for p in analysis.phrases if s_start <= p.start < s_end}
        for m in matches:
            stance = a.stances[m.cue.concept]
            lo, hi = clause_of(spans, m.first)
            words = {t.lower for t in tokens[lo:hi]}
            negated = any(tokens[k].lower in NEGATORS for k in range(lo, hi) if k not in m.indices)
            if words & OBLIGATION:
                continue  # "het EP moet instemmen met …": a step required, not a position taken
            if negated and stance != "support":
                continue
            # "er bestond weinig steun voor …": support that scarce is the member states' opposition
            scarce = stance == "support" and bool(_before_noun(tokens, m) & SCARCITY)
            final = "oppose" if negated or scarce else stance
            # "constateerde een brede steun voor …", "kreeg veel steun": support that wide is the member states'
            implied = _implied(tokens, m, a, breadth_only=True)
            holder = implied or _holder_for(holders, tokens, spans, m, policy)
            co_holders = _coordinated(holders, holder, tokens) if holder is not None else []
            if holder is None:
                holder = implied = _implied(tokens, m, a)
            # "Hiervoor is brede steun, dan wel consensus nodig": support required, not found
            if holder is None or (implied and {t.lower for t in tokens} & OBLIGATION):
                continue
            if m.cue in a.authorship:
                targets, how = _authored(tokens, m, analysis, context, s_start, s_end)
            else:
                # (an actor after the cue that holds the position is its inverted subject: "steunde Nederland …")
                targets, how = _targets(tokens, spans, m, context, s_start,
                                        {h.index for h in holders} - {h.index for h in (holder, *co_holders)})
                named_before = outermost(context.in_span(paragraph.start, s_start)) \
                    if how == "target_section_instrument" and stance == "abstain" and paragraph else []
                if named_before:
                    # "… nam de algemene oriëntatie over X aan. Enkele lidstaten onthielden zich.": a vote is on the item just named
                    targets, how = [context.instrument(named_before[-1].iri)], "target_previous_sentence"
            deficient = final == "support" and how == "target_mention_after_predicate" and bool(targets) and _deficient(
                tokens, m, context, targets[0], s_end, a)
            final = "concern" if deficient else final
            intended = bool(words & INTENT_WORDS)
            rule_base = (f"stance_{stance}{'_negated' if negated else ''}{'_scarce' if scarce else ''}"
                         f"{'_deficiency' if deficient else ''}+{how}")
            dates = [d for d in analysis.dates if s_start <= d.start < s_end]
            for target, who, extra in [(t, holder, "") for t in targets] + \
                    [(t, h, "+alongside") for t in targets for h in co_holders]:
                who = replace(who, iri=at_meeting_body(who.iri, meeting, dates, a.council))
                if who.iri in kb.entities and kb.entities[who.iri].key in DECIDING_KEYS and m.cue.words in a.decisions:
                    continue
                key = (who.iri, target.ref, final)
                if key in seen:
                    continue
                seen.add(key)
                result.append(Position(
                    holder_iri=who.iri,
                    target=target,
                    stance=final,
                    intended=intended,
                    at_meeting=bool({t.lower for t in tokens} & MEETING_WORDS),
                    evidence=sentence_of(analysis, text, s_start),
                    rule=rule_base + extra,
                    confidence=0.8 if how == "target_mention_after_predicate" else 0.6,
                ))
    return result


def _deficient(tokens: list[Tok], m, context: InstrumentContext, target, s_end: int, a: Actors) -> bool:
    """Whether what the cue supports is dealing with shortcomings of its target: a noun of
    shortcoming between the cue and the target, which follows it after "van" ("met", "in", "bij")."""
    at = next((e.start for e in context.in_span(tokens[m.last].end, s_end)
               if context.instrument(e.iri).ref == target.ref), None)
    if at is None:
        return False
    k = index_at(tokens, at) - 1
    while k > m.last and tokens[k].pos == "DET":
        k -= 1
    return k > m.last and tokens[k].lower in OF_WORDS and any(
        t.lemma.endswith(tuple(a.deficiencies)) for t in tokens[m.last + 1:k] if t.pos == "NOUN")


def not_on_own_text(found: list[Position], steps: list[Event]) -> list[Position]:
    """The positions but those of a body on a text the letter says it proposed or adopted
    ("Op 29 januari publiceerde de Commissie de strategie. Met de strategie beoogt de
    Commissie …"): an author's aims are what its text says, not a stance taken on it."""
    authored = {(e.body_iri, e.target.ref) for e in steps if e.stage in AUTHORING_STAGES and e.body_iri}
    return [p for p in found if (p.holder_iri, p.target.ref) not in authored]


def _authored(tokens: list[Tok], m, analysis: Analysis, context: InstrumentContext, s_start: int,
              s_end: int) -> tuple[list[Instrument], str]:
    """What a cue of authorship is about: the letter or statement its relative clause hangs
    from ("de brief die … verstuurd", "de verklaring die … ondertekenden"); a letter named only
    so is the letter of the clause's date ("brief van 15 mei 2024"), one key across letters."""
    k = m.first
    while k > 0 and tokens[k].lower not in RELATIVES:
        k -= 1
    if k == 0:
        return [], ""
    at = tokens[k - 1].end
    phrase = next((p for p in analysis.phrases if p.end == at and p.type_name in AUTHORED_TYPES), None)
    if phrase is None:
        return [], ""
    named = [e for e in context.in_span(phrase.start, phrase.end)]
    if named:
        return [context.instrument(named[-1].iri)], "target_authored"
    dates = [d for d in analysis.dates if tokens[k].start <= d.start < tokens[m.last].end] or \
            [d for d in analysis.dates if tokens[m.last].end <= d.start < s_end]
    if not dates or dates[0].first != dates[0].last:
        return [], ""
    when = dates[0].first
    head = analysis.text[phrase.head_start:phrase.head_end].lower()
    return [Instrument(iri="", key=f"{head}-{when.isoformat()}", label=f"{head} van {dates[0].text}",
                       type_name=phrase.type_name)], "target_authored_dated"


def _predicative(tokens: list[Tok], lo: int, k: int) -> bool:
    """Whether the word at ``k`` is a predicate after a copula, with at most adverbs between
    ("is zeer verheugd", "was tevreden"), not a noun after one's subject ("is het kabinet inzet")."""
    j = k - 1
    while j >= lo and tokens[j].pos == "ADV":
        j -= 1
    return j >= lo and tokens[j].lemma == COPULA


def _forward(tokens: list[Tok], hi: int) -> bool:
    """Whether the clause ending at ``hi`` is followed by the clause its "ervoor", "erop"
    points ahead to ("heeft zich ervoor ingezet dat …", "zet erop in om …")."""
    return hi < len(tokens) and tokens[hi].lower in ("dat", "om")


def _says_that(tokens: list[Tok], k: int) -> int:
    """The index of the "dat" when the words from ``k`` are at most an inverted subject, a
    short adverbial or object ("benadrukt de Commissie in het besluit dat …", "onderschrijft
    het beeld dat …") and then "dat"; else 0."""
    end = min(len(tokens), k + SAYS_THAT_REACH)
    while k < end and tokens[k].pos in ("DET", "PROPN", "ADV", "ADP", "NOUN", "PRON") and tokens[k].lower != "dat":
        k += 1
    # "in dat kader" is no clause
    return k if k < len(tokens) and tokens[k].lower == "dat" and tokens[k].pos != "DET" else 0


def _pronoun_subject(tokens: list[Tok], k: int) -> bool:
    """Whether the clause from ``k`` opens with a personal pronoun and its finite verb ("zij
    willen", "hij wees erop"): a main clause of its own."""
    return tokens[k].lower in SUBJECT_PRONOUNS and k + 1 < len(tokens) and tokens[k + 1].pos in ("VERB", "AUX")


def _targets(tokens: list[Tok], spans, m, context: InstrumentContext, s_start: int, actor_at: set[int] = frozenset()):
    """The instruments a stance cue is about (one, or several named together), and how they
    were found (``actor_at``: where the sentence's actors start)."""
    lo, hi = clause_of(spans, m.first)
    back = context.referred_back(tokens[m.last + 1:m.last + 3], tokens[m.first].start)
    if back is not None:
        return [back], "target_reference_back"
    k = spans.index((lo, hi)) if (lo, hi) in spans else 0
    last = min(len(spans) - 1, k + NEXT_CLAUSES)
    # "steunt het uitgangspunt, maar vanwege de waarde van deze verdragen …": a contrast is another matter
    last = next((j - 1 for j in range(k + 1, last + 1) if tokens[spans[j][0]].lower in CONTRASTIVE), last)
    # "stemden niet in, zij willen dat …": a clause with a subject of its own says something else
    last = next((j - 1 for j in range(k + 1, last + 1) if _pronoun_subject(tokens, spans[j][0])), last)
    reach = spans[last][1]
    start = tokens[m.last].end
    end = tokens[reach - 1].end if reach > 0 else start
    that = _says_that(tokens, m.last + 1)
    if that and not context.in_span(start, tokens[that].start):
        if len(m.indices) == 1 and _predicative(tokens, lo, m.first):
            # "is verheugd dat een akkoord is bereikt over de richtlijn": glad of what the clause names
            found, how = context.first_after(tokens[that].end, tokens[-1].end)
            return (found[:1], "target_in_that_clause") if found else ([], "")
        return [], ""  # "onderschrijft het beeld van de Commissie dat …": what is endorsed is the clause
    # "achtte het compromis over X uitgebalanceerd": the object stands between the cue's words
    # "steunt Frontex bij …", "pleitte voor Nederland als gastland", "sprak steun uit voor Griekenland":
    # an actor is what the cue is about
    k = m.last + 1
    while k < len(tokens) and k - m.last <= 3 and (tokens[k].lower in OBJECT_PREPOSITIONS or tokens[k].pos == "DET"
                                                   or (tokens[k].lower in PARTICLES and tokens[k].pos != "NOUN")):
        k += 1
    if k in actor_at:
        return [], ""
    inside = [e for e in context.in_span(tokens[m.first].end, tokens[m.last].start)
              if not any(tokens[k].start <= e.start < tokens[k].end for k in m.indices)]
    if inside:
        return [context.instrument(inside[0].iri)], "target_mention_inside_predicate"
    short = context.short_at(tokens[m.first].end, tokens[m.last].start) if m.last > m.first else None
    if short is not None and (found := context.referents(short)[0]):
        return found, "target_short_mention_inside_predicate"
    found, how = context.first_after(start, end)
    if found:
        if how == "target_mention_after_predicate":
            return context.coordinated(found[0], start, end), how
        return found, how
    short = context.short_at(start, end)
    if short is not None and context.other_than(short):
        return [], ""  # "is geen voorstander van een nieuw instrument": not the one at hand
    if context.refers_back(tokens[lo:hi]) and not _forward(tokens, hi):
        found = context.antecedent(tokens[m.first].start)
        return ([found], "target_referred_back") if found is not None else ([], "")
    named = context.in_span(s_start, tokens[m.first].start)
    if named:
        return [context.instrument(named[-1].iri)], "target_mention_before_predicate"
    short = context.short_at(s_start, tokens[m.first].start)
    if short is not None:
        found, how = context.referents(short)
        if found:
            return found, how + "+before_predicate"
    if that:
        return [], ""  # "benadrukt de Commissie dat …": what is stressed is the clause, not the item at hand
    default = context.default(s_start)
    return ([default], "target_section_instrument") if default is not None else ([], "")
