"""Cue expressions of the lexicon matched over the words of a clause, by lemma.

A cue is a sequence of lemmas from the ontology's lexicon (``jbz:cue`` on a stance or stage
concept: "steunen", "instemmen", "algemene oriëntatie", "in werking treden"), each word
optionally restricted to a part of speech ("zorg:NOUN"). Its words must all occur in one
clause, in any order and within a few words of each other, so that word order and voice
do not matter ("stelde het mandaat vast", "werd vastgesteld", "treedt op 1 juli in
werking"). A separable verb counts in either form: "stemde … in" is "instemmen".
"""

from dataclasses import dataclass
from functools import lru_cache

from jbzgraph.kb import KnowledgeBase
from jbzgraph.nlp.tokens import Tok
from jbzgraph.nlp.triggers import MIN_STEM, PARTICLES, STRONG_PASTS, VOWELS, verb_stems

CLAUSE_BREAKS = {",", ";", ":", "(", ")", "–", "—"}
SUBORDINATORS = {"dat", "omdat", "zodat", "doordat", "terwijl", "waarbij", "waarin", "waarmee", "waardoor",
                 "waarop", "waarvan", "indien", "hoewel", "nadat", "voordat", "zodra", "mits", "tenzij", "maar"}
RELATIVES = {"die", "dat", "welke", "waarin", "waarmee", "waarbij", "waardoor", "om"}
MAX_SPREAD = 8  # words between the first and the last word of one cue
SUBJECT_REACH = 4  # words of a subject after "en" that opens a main clause
CLAUSE_OPENERS = {"dat", "om"}  # a clause they open may be what a cue ending in them introduces
MODAL_INFINITIVES = {"kunnen", "moeten", "mogen", "willen", "gaan", "blijven"}  # "in te kunnen stemmen"
INSEPARABLE = ("ont", "ver", "be", "her", "er")  # verb prefixes that never split off (grammar)
FIXED_PREPOSITIONS = {"van", "in", "op", "te", "ten", "ter", "uit", "buiten", "aan"}  # a cue's fixed phrase opens with one


@dataclass(frozen=True)
class Cue:
    concept: str  # IRI of the stance or stage concept
    words: tuple[tuple[str, str], ...]  # (lemma, required POS or "")
    text: str


@dataclass(frozen=True)
class CueMatch:
    cue: Cue
    first: int  # token indices in the sentence
    last: int
    indices: tuple[int, ...] = ()  # every token the cue's words matched

    def infinitive(self, tokens: list[Tok]) -> bool:
        """Whether the cue's verb is a "te"-infinitive ("om de richtlijn te verlengen"):
        a step talked of, not one taken."""
        return any(k > 0 and tokens[k - 1].lower == "te" and tokens[k].pos in ("", "VERB") for k in self.indices)


def nominal_infinitive(tokens: list[Tok], k: int) -> bool:
    """Whether the word at ``k`` is a verb used as a noun ("het ondersteunen van Griekenland",
    "het vaststellen van regels"): it names an act; what follows its "van" is acted on."""
    return k > 0 and tokens[k - 1].lower == "het" and tokens[k].lower.endswith("en")


def compile_cues(kb: KnowledgeBase, prop: str = "cue") -> list[Cue]:
    """The cues under ``prop``, longest first (a longer cue is the more specific reading)."""
    cues = []
    for concept, text in kb.lexicon.get(prop, ()):
        words = []
        for w in text.lower().split():
            lemma, _, pos = w.partition(":")
            words.append((lemma, pos.upper()))
        cues.append(Cue(concept, tuple(words), text))
    return sorted(cues, key=lambda c: (-len(c.words), -len(c.text), c.text))


def clauses(tokens: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges of the clauses of a sentence: split at commas, semicolons, brackets and
    before subordinating conjunctions."""
    found, start = [], 0
    for i, t in enumerate(tokens):
        if t.text in CLAUSE_BREAKS:
            if i > start:
                found.append((start, i))
            start = i + 1
        elif i > start and t.lower != "als" and (
                t.pos == "SCONJ" or (not t.pos and t.lower in SUBORDINATORS) or _complementiser(tokens, i)
                or (t.lower in RELATIVES and tokens[i - 1].pos in ("NOUN", "PROPN", "VERB", "")
                    and not (i + 1 < len(tokens) and tokens[i + 1].pos == "NOUN"))
                or _joins_main_clause(tokens, start, i)):
            # a relative or complement clause ("de mogelijkheid die …", "benadrukt dat …"), or
            # a main clause joined by "en" ("… stemde tegen en Oostenrijk onthield zich")
            found.append((start, i))
            start = i
    if start < len(tokens):
        found.append((start, len(tokens)))
    return found


def _joins_main_clause(tokens: list[Tok], start: int, i: int) -> bool:
    """Whether the "en" at ``i`` joins a main clause with a subject of its own to the clause
    from ``start``, which has its verb: a subject (determiners, names, nouns, adjectives)
    and then a verb follow it."""
    if tokens[i].lower != "en" or not any(t.pos in ("VERB", "AUX") for t in tokens[start:i]):
        return False
    k = i + 1
    while k < len(tokens) and k - i <= SUBJECT_REACH and tokens[k].pos in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"):
        k += 1
    return i + 1 < k < len(tokens) and tokens[k].pos in ("VERB", "AUX")


def _complementiser(tokens: list[Tok], i: int) -> bool:
    """ "dat" the tagger read as a determiner that cannot be one: before an article or a
    pronoun, or before a plural noun ("… uit dat recente wijzigingen bijdragen")."""
    if tokens[i].lower != "dat" or tokens[i].pos != "DET" or i + 1 >= len(tokens):
        return False
    k = i + 1
    if tokens[k].pos in ("DET", "PRON", "PROPN"):
        return True
    while k < len(tokens) and tokens[k].pos == "ADJ":
        k += 1
    return k < len(tokens) and tokens[k].pos == "NOUN" and tokens[k].lemma != tokens[k].lower \
        and tokens[k].lower.endswith(("en", "s"))


def clause_of(spans: list[tuple[int, int]], i: int) -> tuple[int, int]:
    return next((s for s in spans if s[0] <= i < s[1]), (i, i + 1))


_STRONG_FORMS = sorted(((past, verb) for verb, pasts in STRONG_PASTS.items() for past in pasts),
                       key=lambda x: -len(x[0]))


@lru_cache(maxsize=65536)
def guess_lemmas(word: str) -> frozenset[str]:
    """Infinitives a verb form may belong to, by Dutch spelling rules, for when the tagger's
    lemma is off: "onderschreven" → onderschrijven, "steunde" → steunen, "gesteund" → steunen."""
    w = word.lower()
    found: set[str] = set()
    # a strong verb with an inseparable prefix: "onthielden" → onthouden, "verwierp" → verwerpen
    for prefix in INSEPARABLE:
        if w.startswith(prefix):
            found |= {prefix + verb for past, verb in _STRONG_FORMS
                      if w[len(prefix):].startswith(past) and len(w) - len(prefix) - len(past) <= 2}
    for prefix in ("", *sorted(PARTICLES, key=len, reverse=True)):
        if not w.startswith(prefix):
            continue
        rest = w[len(prefix):]
        for past, verb in _STRONG_FORMS:
            for form in (past, "ge" + past):
                if rest.startswith(form) and len(rest) - len(form) <= 2:
                    found.add(prefix + verb)
        core = rest[2:] if rest.startswith("ge") and len(rest) >= 5 else rest
        if core != rest and core.endswith("en"):
            found.add(core)  # a strong participle is "ge" and the infinitive: getreden, gegeven
        if core != rest and core.endswith(("t", "d")):
            found |= _infinitives(core)  # a stem ending in t or d takes no second one: geuit, gezet
        if core.endswith("t") and len(core) >= 4 and core[-2] not in VOWELS:
            found |= _infinitives(core)  # a stem ending in t is its own present: "hecht", "acht"
        for ending in ("den", "ten", "de", "te", "d", "t"):
            if core.endswith(ending) and len(core) - len(ending) >= 3:
                stem = core[: -len(ending)]
                found |= {prefix + v for v in _infinitives(stem)}
                break
    return frozenset(found)


def _infinitives(stem: str) -> set[str]:
    """Infinitives whose stem is ``stem``: steun → steunen, stem → stemmen, neem → nemen."""
    out = {stem + "en", stem + "n"}
    if len(stem) >= 2 and stem[-1] not in "aeiou" and stem[-2] in "aeiou" and (len(stem) < 3 or stem[-3] not in "aeiou"):
        out.add(stem + stem[-1] + "en")  # stem -> stemmen
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        out.add(stem[:-2] + stem[-1] + "en")  # neem -> nemen
    for voiceless, voiced in (("f", "v"), ("s", "z")):
        if stem.endswith(voiceless):
            out |= {o[: -len(stem)] + stem[:-1] + voiced + "en" for o in list(out) if o.startswith(stem)}
    return out


def lemma_forms(tokens: list[Tok], a: int, b: int) -> list[frozenset[str]]:
    """For each token of the clause ``[a, b)`` the lemmas it may stand for: its lemma, its
    form, the infinitives its spelling allows, and a verb joined with a particle later in the
    clause ("stemde … in": instemmen)."""
    # A tagger trained on 80,000 words mistakes some verbs for nouns ("wenst"): every word gets
    # the infinitives its spelling allows; the cues' parts of speech still apply.
    # a verb after an article or adjective is a noun the tagger missed ("de Nederlandse inzet");
    # a number in letters may be a verb it took for one ("het kabinet acht het voorstel …": achten)
    verbs = [(t.pos == "VERB" or (t.pos == "NUM" and t.text.isalpha())) and not (k > 0 and tokens[k - 1].pos in ("DET", "ADJ"))
             for k, t in enumerate(tokens[a:b], a)]
    forms: list[frozenset[str]] = [_word_forms(t.lemma, t.lower, v) for t, v in zip(tokens[a:b], verbs)]
    particles = [(j, t.lower) for j, t in enumerate(tokens[a:b]) if t.lower in PARTICLES
                 and t.pos in ("", "ADP", "ADV", "ADJ")]
    if particles:
        for j, t in enumerate(tokens[a:b]):
            if t.pos in ("", "VERB", "AUX", "NOUN"):
                for k, p in particles:
                    # "stemt … in", and "in te stemmen", "in te kunnen stemmen" where the particle comes first
                    if k > j or (k == j - 2 and tokens[a + j - 1].lower == "te") or (
                            k == j - 3 and tokens[a + j - 2].lower == "te" and tokens[a + j - 1].lower in MODAL_INFINITIVES):
                        forms[j] = forms[j] | {p + v for v in _word_forms(t.lemma, t.lower, verbs[j])}
    return forms


@lru_cache(maxsize=65536)
def _word_forms(lemma: str, lower: str, verb: bool = False) -> frozenset[str]:
    found = frozenset({lemma.replace("_", ""), lower}) | guess_lemmas(lower)
    if lemma == lower:
        found |= _singulars(lower)  # a plural the tagger left as it is: "Raadsposities" → raadspositie
    if verb and lower.endswith("t") and lemma == lower and len(lower) >= 3:
        found |= _infinitives(lower)  # a verb whose stem ends in t, lemma missed: "bepleit" → bepleiten, "zet" → zetten
    return found


def _singulars(word: str) -> frozenset[str]:
    """Singulars a Dutch plural may have: posities → positie, oriëntaties → oriëntatie,
    zorgen → zorg, stappen → stap."""
    found = set()
    if word.endswith("s") and len(word) > 4:
        found.add(word[:-1])
    if word.endswith("en") and len(word) > 5:
        stem = word[:-2]
        found.add(stem[:-1] if stem[-1] == stem[-2] else stem)
    return frozenset(found)


NOMINAL_BEFORE = {"DET", "ADP", "NUM", "PRON"}


def _fits(tokens: list[Tok], k: int, pos: str, lemma: str = "") -> bool:
    """Whether token ``k`` may be a cue word of part of speech ``pos``: a verb after a
    determiner is a noun ("in het verlengde van"); an infinitive the tagger read as a noun
    is a verb when nothing nominal stands before it ("zal financieel bijdragen aan", not
    "de financiële bijdragen", "met bijdragen")."""
    if not pos:
        return True
    if pos == "VERB" and k > 0 and tokens[k - 1].lower in ("de", "het", "een"):
        return False
    tok = tokens[k]
    if pos == "VERB" and tok.lower.endswith(("ende", "end")) and tok.lower != lemma:
        return False  # a present participle describes a noun: "bijdragende lidstaten"
    if pos == "VERB" and tok.pos == "NOUN" and tok.lower == lemma and k > 0:
        prev = tokens[k - 1]
        return prev.pos not in NOMINAL_BEFORE and not (prev.pos == "ADJ" and prev.lower.endswith("e"))
    return not tok.pos or tok.pos == pos


def _lemma_index(tokens: list[Tok], a: int, b: int) -> dict[str, list[int]]:
    """Clause positions by the lemmas they may stand for, for the last few clauses asked:
    positions and events look up a hundred cues in the same clauses."""
    key = (id(tokens), a, b)
    if key in _INDEXES:
        return _INDEXES[key][1]
    index: dict[str, list[int]] = {}
    for j, forms in enumerate(lemma_forms(tokens, a, b)):
        for lemma in forms:
            index.setdefault(lemma, []).append(j)
    if len(_INDEXES) >= 4096:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[key] = (tokens, index)  # holding the list keeps its id from being reused
    return index


_INDEXES: dict[tuple[int, int, int], tuple[list[Tok], dict[str, list[int]]]] = {}


def _by_first_word(cues: list[Cue]) -> dict[str, list[int]]:
    """Positions in ``cues`` by the lemma of their first word, for the few cue lists asked
    (a clause's lemmas pick the cues worth trying: a cue list has hundreds)."""
    key = id(cues)
    if key in _FIRST_WORDS:
        return _FIRST_WORDS[key][1]
    table: dict[str, list[int]] = {}
    for i, cue in enumerate(cues):
        table.setdefault(cue.words[0][0], []).append(i)
    if len(_FIRST_WORDS) >= 64:
        _FIRST_WORDS.pop(next(iter(_FIRST_WORDS)))
    _FIRST_WORDS[key] = (cues, table)  # holding the list keeps its id from being reused
    return table


_FIRST_WORDS: dict[int, tuple[list[Cue], dict[str, list[int]]]] = {}


def find_cues(tokens: list[Tok], cues: list[Cue], a: int = 0, b: int | None = None) -> list[CueMatch]:
    """Matches of ``cues`` in the clause ``tokens[a:b]``; a token is used by one cue at most,
    the longest first."""
    b = len(tokens) if b is None else b
    # the word that opens the next clause may end a cue: "de inzet van het kabinet is dat …"
    opener = b - a if b < len(tokens) and tokens[b].lower in CLAUSE_OPENERS else None
    index = _lemma_index(tokens, a, b + (opener is not None))
    table = _by_first_word(cues)
    used: set[int] = set()
    found: list[CueMatch] = []
    for cue in [cues[i] for i in sorted({i for lemma in index if lemma in table for i in table[lemma]})]:
        places = []
        for w, (lemma, pos) in enumerate(cue.words):
            hits = index.get(lemma)
            if hits:
                hits = [j for j in hits if j not in used and _fits(tokens, a + j, pos, lemma)
                        and (j != opener or (w == len(cue.words) - 1 and lemma == tokens[b].lower))]
            if not hits:
                break
            places.append(hits)
        else:
            # each place of the first word may anchor the rest: "van het pact … van toepassing"
            chosen = min(([min(h, key=lambda j: abs(j - anchor)) for h in places] for anchor in places[0]),
                         key=lambda c: max(c) - min(c))
            # "dat" and "om" introduce what follows them: "de inzet is dat …", not "dat de inzet …"
            opens = all(c == max(chosen) for c, (lemma, _) in zip(chosen, cue.words) if lemma in CLAUSE_OPENERS)
            # a preposition and the noun after it in a cue are a fixed phrase: "van toepassing zijn",
            # "in werking treden", "van groot belang", not "was voorstander van een verplichte toepassing"
            fixed = all(chosen[w + 1] == chosen[w] + 1 or (
                chosen[w + 1] == chosen[w] + 2 and tokens[a + chosen[w] + 1].pos in ("ADJ", "ADV"))
                for w in range(len(cue.words) - 1) if cue.words[w][0] in FIXED_PREPOSITIONS)
            if max(chosen) - min(chosen) <= MAX_SPREAD and len(set(chosen)) == len(chosen) and opens and fixed:
                used.update(chosen)
                found.append(CueMatch(cue, a + min(chosen), a + max(chosen), tuple(a + c for c in chosen)))
    return sorted(found, key=lambda m: m.first)


# The lexicon properties whose cues a tagged sentence is read for (action cues count only
# beside a nominal one).
SELECTING_PROPERTIES = ("cue", "nominalCue", "attributiveCue", "councilCue", "authorshipCue")
# Endings of Dutch verb, noun and adjective forms.
ENDINGS = ("ten", "den", "te", "de", "en", "'s", "t", "d", "e", "s")
# Forms of the irregular verbs cue words are built on.
IRREGULAR = {"zijn": ("is", "was", "waren", "ben", "bent", "geweest"), "hebben": ("heeft", "had", "hadden", "heb", "hebt"),
             "gaan": ("ga", "gaat", "ging", "gingen", "gegaan"), "staan": ("sta", "staat", "stond", "stonden", "gestaan"),
             "doen": ("doe", "doet", "deed", "deden", "gedaan"), "slaan": ("sla", "slaat", "sloeg", "sloegen", "geslagen")}


def _bases(word: str) -> set[str]:
    """What a word form may be built on: itself, without "ge" and without each ending it has, with
    the spelling of an open syllable and of a voiced final consonant restored ("positieve":
    positief, "formele": formeel, "gesteld": stel)."""
    forms = {word}
    if word.startswith("ge") and len(word) > 4:
        forms.add(word[2:])
    for f in list(forms):
        forms |= {f[: -len(e)] for e in ENDINGS if f.endswith(e) and len(f) - len(e) >= 2}
    for f in list(forms):
        if f[-1] == f[-2:-1]:
            forms.add(f[:-1])  # stappen: stap
        for voiced, voiceless in (("v", "f"), ("z", "s")):
            if f.endswith(voiced):
                forms.add(f[:-1] + voiceless)
        if len(f) >= 3 and f[-1] not in VOWELS and f[-2] in "aeou" and f[-3] not in VOWELS:
            forms.add(f[:-1] + f[-2] + f[-1])  # open syllable: formel: formeel
    return forms


@lru_cache(maxsize=65536)
def _token_bases(lower: str) -> frozenset[tuple[str, str]]:
    """(particle, base) pairs a word may be: ("", "zet") for "zet", ("in", "zet") for "ingezet"."""
    found = {("", b) for b in _bases(lower)}
    found |= {("", verb) for verb, forms in IRREGULAR.items() if lower in forms}
    for particle in PARTICLES:
        if lower.startswith(particle) and len(lower) - len(particle) >= 3:
            found |= {(particle, b) for b in _bases(lower[len(particle):])}
    return frozenset(found)


def _cue_word(lemma: str) -> tuple[str, frozenset[str]]:
    """The particle of a cue word and the bases its forms may have: "inzetten" → ("in", {zet, …})."""
    particle = next((p for p in PARTICLES if lemma.startswith(p) and len(lemma) - len(p) > MIN_STEM), "")
    rest = lemma[len(particle):]
    # a verb built on a strong one has its past: onthouden, onthield
    pasts = {rest[: -len(verb)] + past for verb, forms in STRONG_PASTS.items() if rest.endswith(verb) for past in forms}
    return particle, frozenset({rest, *_bases(rest), *verb_stems(rest), *pasts})


@lru_cache(maxsize=4)
def _selecting(kb: KnowledgeBase) -> dict[str, list[tuple[tuple[str, frozenset[str]], ...]]]:
    """The selecting cues as (particle, bases) per word, each cue under a base of its first word."""
    found: dict[str, list] = {}
    for prop in SELECTING_PROPERTIES:
        for cue in compile_cues(kb, prop):
            words = tuple(_cue_word(lemma) for lemma, _ in cue.words)
            for base in words[0][1]:
                found.setdefault(base, []).append(words)
    return found


def cue_possible(tokens: list[Tok], kb: KnowledgeBase) -> bool:
    """Whether every word of some cue may stand in the untagged ``tokens`` in some form: where
    none can, no tagging would let a cue match, and the tagger's time is saved. Looser than
    :func:`find_cues` on purpose (no clause, order or part of speech)."""
    pairs: set[tuple[str, str]] = set()
    for t in tokens:
        pairs |= _token_bases(t.lower)
    loose = {t.lower for t in tokens if t.lower in PARTICLES}
    bare = {b for p, b in pairs if not p}

    def present(word: tuple[str, frozenset[str]]) -> bool:
        particle, bases = word
        if not particle:
            return not bases.isdisjoint(bare)
        return (particle in loose and not bases.isdisjoint(bare)) or any((particle, b) in pairs for b in bases)

    cues = _selecting(kb)
    bases = {b for _, b in pairs}
    return any(all(map(present, words)) for base in bases.intersection(cues) for words in cues[base])
