"""Policy objects, open vocabulary: noun phrases headed by a policy noun.

A phrase is found by its head — a noun of the lexicon (``jbz:headNoun`` on the instrument
classes), alone or as the last part of a compound ("Terugkeerverordening",
"Frontex-verordening", "intentieverklaring") — and grows left over its modifiers
(adjectives, names, "asiel- en") and right over a complement that a complement word opens
("inzake …", "tot wijziging van …", "ter bestrijding van …") and over the identifiers that
follow ("(EU) 2024/1351", "(EES)"). The phrase *names* an instrument when something in it
is more than a determiner and a describing adjective; "het voorstel" and "de nieuwe
verordening" do not name one and are left to the reference resolution of the extractors.

Each phrase gets a key that ignores determiners, describing adjectives, "voorstel voor
een", the EU-ness of a name, case, and the order of the parts of a compound, so that
"voorstel voor een terugkeerverordening", "de Terugkeerverordening" and "verordening
inzake terugkeer" meet.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jbzgraph.kb import KnowledgeBase
from jbzgraph.namespace import JBZ
from jbzgraph.nlp.cues import RELATIVES, SUBORDINATORS, clause_of, clauses, guess_lemmas
from jbzgraph.nlp.dates import MONTHS
from jbzgraph.nlp.tokens import Tok
from jbzgraph.nlp.triggers import PARTICLES

# Closed-class Dutch words: determiners and pronouns that open a noun phrase, and words that
# end one (finite auxiliaries, subordinators, relative pronouns). Grammar, not vocabulary.
DETERMINERS = {"de", "het", "een", "dit", "deze", "dat", "die", "zijn", "haar", "hun", "onze", "ons", "uw",
               "elk", "elke", "ieder", "iedere", "welk", "welke"}
PHRASE_ENDERS = {"is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had",
                 "hadden", "zal", "zullen", "zou", "zouden", "kan", "kunnen", "kon", "konden", "moet", "moeten",
                 "wil", "willen", "mag", "mogen", "dat", "die", "waar", "waarin", "waarmee", "waarbij", "waarvan",
                 "waarop", "waardoor", "waarover", "waaruit", "waartoe", "welke", "wie", "wat", "om", "te", "zodat", "omdat", "terwijl", "indien", "als", "wanneer", "nu",
                 "maar", "of", "dan", "niet", "ook", "wel", "reeds", "al", "nog", "daarbij", "hierbij", "echter",
                 "er", "hier", "daar", "nu", "thans", "inmiddels", "verder", "eveneens", "tevens"}
ENGLISH_GLUE = {"and", "of", "&"}  # inside an English proper name: "Search and Rescue"
DATE_PREPOSITIONS = {"op", "van", "per", "sinds", "vanaf", "tot", "d.d."}  # before a date that ends a title
# Prepositions that may chain inside a complement ("tot wijziging van Verordening … betreffende …");
# any other ends it ("… met de VS in werking").
CHAINING = {"van", "voor", "inzake", "betreffende", "over", "tot", "ter", "tussen", "tegen", "en", "aangaande",
            "omtrent", "der", "des", "op"}
# Complements after which an agreement, mandate or proposal stands for what it is about:
# "het akkoord over de terugkeerverordening", "de kaderovereenkomst aangaande het EBSP".
ABOUT_COMPLEMENTS = {"over", "inzake", "betreffende", "aangaande", "omtrent", "voor", "ten", "met"}
STANDS_FOR = {"Agreement", "NegotiatingMandate", "Proposal"}
PROPOSED_TYPE = "LegalInstrument"  # "de door de Commissie voorgestelde X": of X's kind nothing is known
AGENT_WORDS = 5  # "door de Europese Commissie" before the participle
MAX_APPOSITION = 6
MAX_PROPER = 2  # proper names after a head that name it ("operatie Sophia")
DEMONSTRATIVES = {"dit", "deze", "dat", "die", "genoemde", "voornoemde"}
DATE_OPENERS = {"van", "d.d.", "dd", "d.d"}  # "het voorstel van 4 mei", "de mededeling d.d. 13 mei"
# Institutions that write proposals and acts: "het voorstel van de Commissie" names its
# author, not the proposal, and so does "Commissievoorstel".
AUTHOR_KEYS = {"COM", "COUNCIL", "EP", "PRESIDENCY", "JHA_COUNCIL", "EUCO"}
ENDING_POS = {"VERB", "AUX", "SCONJ", "PRON", "ADV", "PART"}
COORDINATOR = "en"
ADDRESSED = "aan"
FIELD_PREPOSITION = "in"  # "samenwerking in strafzaken"  # "Mededeling van de Commissie aan het Europees Parlement"
MAX_LEFT = 4
MAX_COMPLEMENT = 30
MIN_QUALIFIED = 3  # words of a complement before a bracketed qualifier may follow it
MAX_QUALIFIER = 10
COMPOUND_MIN_PREFIX = 3
# Dutch plural endings, longest first: verordening-en, plan-nen, akkoord-en, programma-'s, strategie-ën.
PLURAL_ENDINGS = ("nen", "ten", "sen", "ën", "en", "'s", "s", "n")
VOWELS = set("aeiou")
# Words that say a name is European, not which instrument it is ("EU-visumstrategie" is the
# visumstrategie); left out of keys, kept in labels.
EU_WORDS = {"eu", "europese", "europees", "europa", "unie", "ue", "eu's"}
NUMBER_RE = re.compile(r"^(?:\d{1,4}/\d{1,4}(?:/(?:EU|EG|EEG|JBZ))?|(?:19|20)\d\d(?:[-–](?:19|20)\d\d)?)$")
ACT_FAMILIES = {"EU", "EG", "EEG"}
FOOTNOTE_MARK_RE = re.compile(r"(?<=[a-zà-ÿ])\d{1,2}$")
FOOTNOTE_STOP_RE = re.compile(r"(?<=[^\W\d_])\.\d{1,2}$")  # "van de Raad.2": full stop and mark
WEEKDAYS = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}
COM_TOKEN_RE = re.compile(r"COM\((?P<year>(?:19|20)\d\d)\)(?P<number>\d{1,4})")
ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z0-9-]{1,11}$")
LIST_MARK_RE = re.compile(r"^(?:[a-z]|[ivx]{1,4})[.)]$")  # "c.", "ii)" opening a list item or heading
# Prepositions a complement may be moved behind the verb with ("heeft een aanbeveling
# gepubliceerd over …", "nam conclusies aan inzake …"); "van", "met" after a verb belong to it.
EXTRAPOSABLE = {"over", "inzake", "betreffende", "aangaande", "omtrent", "voor", "tot", "ter", "ten"}
MAX_GAP = 2  # verbs and a particle between a head and its moved complement
PREPOSITIONS = {"bij", "naar", "door", "uit", "onder", "na", "om", "zonder", "binnen", "sinds", "vanaf", "per",
                "via", "volgens", "namens", "in", "op", "aan", "met", "tegen", "tot", "voor", "van", "over", "tussen"}
FUNCTION_WORDS = PREPOSITIONS | DETERMINERS | {"van", "voor", "inzake", "betreffende", "over", "tot", "ter", "en", "der", "des",
                                "op", "aan", "met", "te", "tegen", "tussen", "in", "aangaande", "omtrent",
                                "vaststelling", "gebied", "aanzien", "betrekking", "ten", "'s",
                                "and", "of", "the", "for", "on", "to", "against", "as", "regards"}  # (an English title's)
# words no bracketed qualifier of a title holds ("(zie bijlage)", "(hierna: …)")
QUALIFIER_STOPS = (PHRASE_ENDERS | FUNCTION_WORDS) - {COORDINATOR}


@dataclass(frozen=True)
class PolicyPhrase:
    start: int
    end: int
    head_start: int
    head_end: int
    label: str
    key: str
    type_name: str  # local name of the jbz: class the head implies
    named: bool  # more than a determiner, describing adjectives and a bare head
    inner: bool = False  # "voorstel voor een X", "akkoord over X": the phrase stands for X
    weak: bool = False  # headed by a weak head noun ("het systeem", "de brief")
    opener: str = ""  # the word before the phrase, lower-cased ("deze", "in", "het")
    before: str = ""  # the word before that ("in" of "in dat kader")
    acronym: str = ""
    identifiers: tuple[tuple[str, str], ...] = ()
    gap: tuple[int, int] = (0, 0)  # characters of the verbs a moved complement stands behind
    dated: tuple[int, int] = (0, 0)  # characters of the document's own date ("het voorstel van 4 mei 2016")


@dataclass
class PolicyLexicon:
    heads: dict[str, str]  # head noun -> class local name
    weak: set[str]  # heads that name only when capitalised or with a complement or identifier
    authors: set[str]  # first parts of compounds that name an author ("Commissievoorstel")
    complements: list[tuple[str, ...]]  # complement words, longest first, as word tuples
    describing: set[str]
    not_instruments: set[str]
    proposing: set[str] = field(default_factory=set)  # verbs whose participle puts a thing forward
    fixed: list[tuple[str, ...]] = field(default_factory=list)  # "in het kader van": no phrase inside
    _suffixes: list[str] = field(default_factory=list)
    _heads_of: dict[tuple[str, bool], tuple[str, str] | None] = field(default_factory=dict)

    def __post_init__(self):
        self._suffixes = sorted((h for h in self.heads if " " not in h), key=len, reverse=True)

    def head_of(self, word: str, tagged_noun: bool = False) -> tuple[str, str] | None:
        key = (word, tagged_noun)
        if key not in self._heads_of:
            self._heads_of[key] = self._head_of(word, tagged_noun)
        return self._heads_of[key]

    def _head_of(self, word: str, tagged_noun: bool) -> tuple[str, str] | None:
        """(head noun, class) when ``word`` is a head noun or a compound ending in one, in the
        singular or the plural ("API-verordeningen", "strategieën"); a footnote mark glued to
        the word ("confiscatierichtlijn1") does not count."""
        w = word.lower().rstrip("0123456789")
        if w in self.not_instruments or (word.isupper() and len(word) > 1):
            return None
        singulars = [w[: -len(e)] for e in PLURAL_ENDINGS if w.endswith(e) and len(w) > len(e) + 3]
        # a doubled consonant before "-en" is single in the singular: voorstel-len, besluit-en
        singulars += [f[:-1] for f in singulars if len(f) > 3 and f[-1] == f[-2] and f[-1] not in VOWELS]
        for form in (w, *singulars):
            if form.endswith("ë"):
                form = form[:-1] + "e"
            for h in self._suffixes:
                if form.endswith(h):
                    prefix = form[: len(form) - len(h)]
                    if not prefix and form != w and not tagged_noun:
                        continue  # "besluiten", "voorstellen" alone are verbs as often as nouns
                    if not prefix or prefix.endswith("-") or len(prefix) >= COMPOUND_MIN_PREFIX:
                        return h, self.heads[h]
        return None


@lru_cache(maxsize=4)
def policy_lexicon(kb: KnowledgeBase) -> PolicyLexicon:
    """The policy-phrase words of ``kb``, made once per KB."""
    heads: dict[str, str] = {}
    weak: set[str] = set()
    for prop in ("headNoun", "weakHeadNoun"):
        for cls, word in kb.lexicon.get(prop, ()):
            name = cls.split("#")[-1]
            w = word.lower()
            heads.setdefault(w, name)
            if prop == "weakHeadNoun":
                weak.add(w)
    authors = {label.lower() for e in kb.of_kind("organisation") if e.key in AUTHOR_KEYS
               for label, _, _ in e.labels if " " not in label}
    base = str(JBZ.LegalInstrument)
    complements = sorted((tuple(w.lower().split()) for w in kb.words("complementWord", base)), key=len, reverse=True)
    proposal = kb.concepts.get(("stage", "proposal"))
    proposing = {w.split(":")[0].lower() for prop in ("cue", "attributiveCue")
                 for w in kb.words(prop, proposal.iri)} if proposal else set()
    fixed = [tuple(w.lower().split()) for w in kb.words("prepositionalPhrase", base)]
    return PolicyLexicon(heads, weak, authors | {a + "s" for a in authors}, complements,
                         {w.lower() for w in kb.words("nonNamingModifier", base)},
                         {w.lower() for w in kb.words("notAnInstrument", base)}, proposing, fixed)


def _fixed_at(tokens: list[Tok], j: int, lex: PolicyLexicon) -> bool:
    """Whether a fixed prepositional expression ("van start", "van toepassing") begins at ``j``."""
    return any(tuple(t.lower for t in tokens[j:j + len(words)]) == words for words in lex.fixed)


def _in_fixed_phrase(tokens: list[Tok], i: int, lex: PolicyLexicon) -> bool:
    """Whether the word at ``i`` is the noun of a fixed prepositional expression ("in het
    kader van"), which names nothing; an adjective may stand inside a two-word one ("op
    Nederlands initiatief")."""
    for words in lex.fixed:
        for k, w in enumerate(words):
            if w == tokens[i].lower and i >= k and tuple(t.lower for t in tokens[i - k:i - k + len(words)]) == words:
                return True
        if len(words) == 2 and tokens[i].lower == words[1] and i >= 2 and tokens[i - 2].lower == words[0] \
                and (tokens[i - 1].pos == "ADJ" or (tokens[i - 1].pos in ("", "PROPN") and tokens[i - 1].text[:1].isupper())):
            return True
    return False


def _is_modifier(tok: Tok, lex: PolicyLexicon) -> bool:
    """A word that can stand left of a head inside its phrase: an adjective, a name, a number,
    a truncated compound ("asiel-"); without tags, judged by its form."""
    w = tok.lower
    if w in DETERMINERS or w in PHRASE_ENDERS or w in FUNCTION_WORDS or not any(c.isalpha() for c in w) \
            or LIST_MARK_RE.match(tok.text):
        return False
    if tok.pos:
        # a number written as a word counts ("twee voorstellen"); digits may name ("2026-2027")
        return (tok.pos in ("ADJ", "PROPN") or (tok.pos == "NUM" and not tok.text.isalpha()) or tok.text.endswith("-")
                or (tok.pos == "VERB" and _describing(tok, lex)) or _acronym_compound(tok.text))
    return tok.text.endswith("-") or w.endswith("e") or tok.text[:1].isupper()


def _acronym_compound(word: str) -> bool:
    """ "anti-SLAPP", "EU-CTC": a word joined to an acronym by a hyphen is a name."""
    parts = word.split("-")
    return len(parts) > 1 and any(len(p) > 1 and p.isupper() and p.isalpha() for p in parts)


def _proposed(tokens: list[Tok], i: int, lex: PolicyLexicon) -> bool:
    """ "de door de Commissie voorgestelde visumvrijstelling": a noun after a participle of
    proposing with its agent is a policy object, whatever the noun."""
    k = i - 1
    if k > 0 and tokens[k].pos == "ADJ" and not _participle(tokens[k]):
        k -= 1
    if k < 1 or not _participle(tokens[k]):
        return False
    proposing = ({tokens[k].lemma} | guess_lemmas(tokens[k].lower)) & lex.proposing
    return bool(proposing) and agent_before(tokens, k)


def agent_before(tokens: list[Tok], k: int) -> bool:
    """Whether a "door" agent stands in the words before the participle at ``k``."""
    return any(t.lower == "door" for t in tokens[max(0, k - AGENT_WORDS):k])


def _participle(tok: Tok) -> bool:
    w = tok.lower
    return tok.pos == "VERB" or (not tok.pos and len(w) > 6 and (w.startswith("ge") or w[:4] in ("aang", "voor", "vast"))
                                 and w.endswith(("de", "te", "en")))


def _stems(word: str) -> set[str]:
    """A describing adjective's possible lemmas from its form: "nieuwe" → "nieuw", "herziene"
    → "herzien", "separate" → "separaat" (an open syllable's vowel is doubled in the lemma)."""
    w = word.lower()
    if not (w.endswith("e") and len(w) > 4):
        return {w}
    base = w[:-1]
    if base[-2] in VOWELS and base[-3] not in VOWELS and base[-1] not in VOWELS:
        return {base, base[:-1] + base[-2] + base[-1]}
    return {base}


def _describing(tok: Tok, lex: PolicyLexicon) -> bool:
    return tok.lemma in lex.describing or tok.lower in lex.describing or not _stems(tok.lower).isdisjoint(lex.describing)


def _complement_at(tokens: list[Tok], i: int, lex: PolicyLexicon) -> int:
    """Length of the complement word starting at ``tokens[i]`` (0 if none)."""
    for words in lex.complements:
        n = len(words)
        if tuple(t.lower for t in tokens[i:i + n]) == words:
            return n
    return 0


def _complement_end(tokens: list[Tok], i: int, lex: PolicyLexicon) -> int:
    """Index after the noun phrase that a complement word's object starting at ``i`` spans."""
    j = i
    while j < len(tokens) and j - i < MAX_COMPLEMENT:
        t = tokens[j]
        w = t.lower
        if j > i and _com_at(tokens, j):
            break  # "verordening tot herziening van EASO COM (2016) 271": the number names it
        if j > i and len(t.text) == 1 and t.text.isalpha() and j + 1 < len(tokens) and tokens[j + 1].text == ")":
            break  # the next field of a form: "… migrantensmokkel b) Datum ontvangst Commissiedocument"
        if not any(c.isalnum() for c in t.text):
            if t.text == "(" and j + 2 < len(tokens) and tokens[j + 1].text in ACT_FAMILIES and tokens[j + 2].text == ")":
                j += 3  # "Verordening (EU) 2019/1896"
                continue
            if t.text == "(" and j - i >= MIN_QUALIFIED and (closing := _qualifier_end(tokens, j)):
                j = closing  # "… interoperabiliteit tussen EU-informatiesystemen (grenzen en visa)"
                continue
            if t.text == "-" or t.text == "/":
                j += 1
                continue
            # "… Macedonië (FYROM), Servië en Montenegro": a list of names goes on past an acronym
            if (_bracketed_acronym(tokens, j) and j + 3 < len(tokens) and tokens[j + 3].text == ","
                    and _name_list_at(tokens, j + 4)) or (t.text == "," and j > i and _name_list_at(tokens, j + 1)):
                j += 3 if t.text == "(" else 1
                continue
            break
        # a complement word chains whatever the tagger says, and its object is a noun ("Richtlijn
        # 2011/95/EU betreffende normen …" with "betreffende normen" read as verbs)
        if j > i and w != COORDINATOR and t.pos in ("VERB", "ADV") and _complement_at(tokens, j, lex) \
                and not _fixed_at(tokens, j, lex):
            j += 1
            continue
        # After a determiner, number or adjective a word is a noun, whatever the tagger says
        # ("het aantrekken van talent", "negen lidstaten").
        # (a word with a footnote mark glued to it, "politiesamenwerking1", is no number)
        # (not after an adjective that follows a noun: "… strafregisterinformatiesysteem formeel aangenomen")
        nominal = j > i and (tokens[j - 1].lower in DETERMINERS
                             or (tokens[j - 1].pos in ("NUM", "ADJ") and not FOOTNOTE_MARK_RE.search(tokens[j - 1].text)
                                 and not (tokens[j - 1].pos == "ADJ" and j - 2 >= i and tokens[j - 2].pos == "NOUN"
                                          and t.pos == "VERB"))
                             or _complement_at(tokens, j - 1, lex) == 1)
        # the first word of the object ("inzake terugkeer" with "terugkeer" read as an adverb)
        nominal = nominal or (j == i and t.text.isalpha() and len(w) > 4)
        # an inflected participle before a noun is an adjective ("inzake grensoverschrijdende bewijsverkrijging")
        nominal = nominal or (w.endswith(("ende", "de", "te")) and j + 1 < len(tokens) and tokens[j + 1].pos == "NOUN")
        # a footnote mark glued to a word ("migrantensmokkel5") leaves the tagger guessing
        nominal = nominal or bool(FOOTNOTE_MARK_RE.search(t.text))
        # an infinitive after "en" that takes "van" is a noun ("ter voorkoming en tegengaan van …")
        nominal = nominal or (j > i and tokens[j - 1].lower == COORDINATOR and _nominal_infinitives(tokens, j) > j)
        if w in PHRASE_ENDERS or (t.pos and t.pos in ENDING_POS and not nominal):
            break
        closing = (j + 1 >= len(tokens) or tokens[j + 1].pos == "PUNCT") and t.lower.endswith(("d", "t", "en")) \
            and not FOOTNOTE_MARK_RE.search(t.text)
        if t.pos in ("VERB", "AUX") and (not nominal or closing):
            break  # (a participle closing the clause is its verb: "de Schengencyclus van 2024-2025 vastgesteld.")
        if j > i and (t.pos == "ADP" or w in PREPOSITIONS) and (n := _complement_at(tokens, j, lex)) > 1:
            j += n  # a title goes on over a complement of several words: "… met betrekking tot de voorkoming …"
            continue
        if j > i and (t.pos == "ADP" or w in PREPOSITIONS) and (w not in CHAINING or _fixed_at(tokens, j, lex)) \
                and not _field_of_title(tokens, j):
            break  # "… van start gaan" is no complement
        if w == COORDINATOR:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            prev = tokens[j - 1] if j > i else None
            # "asiel en migratie" continues, and so does a title's "… en de bescherming van
            # slachtoffers"; "… en de herziening van …" starts a new phrase, "… en de lidstaten
            # hebben" a new clause; "… en op de verordening …" another object.
            if nxt is None or (nxt.lower in DETERMINERS and not _titled_continuation(tokens, j + 1, lex)) \
                    or (prev is not None and not prev.text.endswith("-") and lex.head_of(nxt.text)) \
                    or nxt.pos == "ADP" or nxt.lower in PREPOSITIONS:
                break
        j += 1
    # a noun phrase ends on no determiner, conjunction or complement word, nor on a predicative
    # adjective ("… voor de Uitvoeringshandeling vertrouwelijk aan uw Kamer"); after an article
    # a word is a noun ("van het insolventierecht" read as an adjective), and so is one joined
    # to a noun by "en" ("situaties van crisis en overmacht")
    while j > i and (tokens[j - 1].lower in DETERMINERS | {COORDINATOR} | {w for c in lex.complements for w in c}
                     or (j - 1 > i and tokens[j - 1].pos == "ADJ" and tokens[j - 1].text.islower()
                         and tokens[j - 2].lower not in DETERMINERS and not FOOTNOTE_MARK_RE.search(tokens[j - 1].text)
                         and not (j - 2 > i and tokens[j - 2].lower == COORDINATOR and tokens[j - 3].pos == "NOUN"))):
        j -= 1
    return j


def _bracketed_acronym(tokens: list[Tok], k: int) -> bool:
    """Whether an acronym in brackets stands at ``k``: "(EES)", "(FYROM)"."""
    return k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" \
        and ACRONYM_RE.match(tokens[k + 1].text) is not None and tokens[k + 1].text.isupper()


def _name_list_at(tokens: list[Tok], k: int) -> bool:
    """Whether a list of names ends a title from ``k``: capitalised words, "en", and a last one
    ("…, Servië en Montenegro")."""
    start = k
    while k < len(tokens) and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
        k += 1
    return k > start and k + 1 < len(tokens) and tokens[k].lower == COORDINATOR and tokens[k + 1].text[:1].isupper() \
        and tokens[k + 1].text.isalpha()


def _qualifier_end(tokens: list[Tok], k: int) -> int:
    """Past a bracketed qualifier of a title at ``k``, words in lower case joined by commas
    and "en" ("(grenzen en visa)", "(politiële en justitiële samenwerking, asiel en
    migratie)") that tell two instruments of one title apart; 0 if ``k`` opens none (an
    acronym, a number, "(hierna: …)", a remark with a verb)."""
    n = k + 1
    while n < len(tokens) and n - k <= MAX_QUALIFIER and tokens[n].text != ")":
        t = tokens[n]
        # (a remark opens with its verb: "(zie bijlage)"; after that the tagger may call a noun one: "visa")
        verbal = t.pos in ("AUX", "ADV") or (t.pos == "VERB" and n == k + 1)
        if not (t.text == "," or (t.text.isalpha() and t.text.islower() and not verbal
                                  and t.lower not in QUALIFIER_STOPS)):
            return 0
        n += 1
    return n + 1 if n < len(tokens) and tokens[n].text == ")" and n > k + 1 else 0


def _field_of_title(tokens: list[Tok], k: int) -> bool:
    """Whether "in" at ``k`` opens the field a title names, a bare plural or an adjective and
    a noun ("bewijsverkrijging in civiele procedures", "samenwerking in strafzaken"), not a
    fixed expression ("in werking", "in beginsel": a bare singular) or a place ("in de Raad")."""
    if tokens[k].lower != FIELD_PREPOSITION or k + 1 >= len(tokens):
        return False
    if not tokens[k + 1].pos:  # untagged: a plural by its form ("in strafprocedures")
        w = tokens[k + 1].text
        return w.isalpha() and w.islower() and len(w) > 6 and w.endswith(("en", "s"))
    n = k + 1
    while n < len(tokens) and tokens[n].pos == "ADJ":
        n += 1
    if n >= len(tokens) or tokens[n].pos != "NOUN":
        return False
    # (a long plural the tagger left as it is counts: "strafprocedures")
    plural = (tokens[n].lemma != tokens[n].lower or len(tokens[n].lower) > 6) and tokens[n].lower.endswith(("en", "s"))
    return plural or n > k + 1


def _titled_continuation(tokens: list[Tok], k: int, lex: PolicyLexicon) -> bool:
    """Whether a determiner at ``k`` after "en" opens a noun that is no policy head and has a
    complement of its own ("en de bescherming van slachtoffers"), as titles go on."""
    k += 1
    while k < len(tokens) and tokens[k].pos == "ADJ":
        k += 1
    return (k + 1 < len(tokens) and tokens[k].pos == "NOUN" and not lex.head_of(tokens[k].text, True)
            and tokens[k + 1].lower in CHAINING - {COORDINATOR})


def find_phrases(tokens: list[Tok], lex: PolicyLexicon, blocked: list[tuple[int, int]] = (),
                 authors: list[tuple[int, int]] = (), heading: bool = False,
                 dates: dict[int, int] | None = None) -> list[PolicyPhrase]:
    """The policy phrases of one sentence's tokens (``heading``: a section heading's); heads
    inside ``blocked`` character spans (mentions of organisations, countries) are none, and a
    complement that is only an ``authors`` span ("van de Commissie") is left out. A date
    (``dates``: start → end of each date's characters) set after the head or its author
    with "van" or "d.d." is the document's, not part of its name."""
    dates = dates or {}
    found: list[PolicyPhrase] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        hit = lex.head_of(tok.text, tok.pos == "NOUN") if tok.text[:1].isalpha() else None
        if hit is None and tok.pos == "NOUN" and _proposed(tokens, i, lex):
            hit = (tok.lower, PROPOSED_TYPE)
        # A simple head the tagger reads as a verb or adjective is one ("het kabinet besluit",
        # "akkoord gaan") unless a determiner or adjective before it makes it a noun ("een
        # concept onderhandelingsmandaat"); a compound ending in a head noun is a noun.
        prev = tokens[i - 1] if i > 0 else None
        nominal = prev is not None and (prev.lower in DETERMINERS or prev.pos in ("ADJ", "NOUN", "PROPN", "NUM"))
        if hit is None or (tok.pos in ("VERB", "AUX", "ADJ", "ADV", "ADP") and not nominal
                           and tok.lower.rstrip("0123456789") in lex.heads) \
                or any(a <= tok.start < b for a, b in blocked) or _in_fixed_phrase(tokens, i, lex):
            i += 1
            continue
        head, type_name = hit
        # Left: modifiers back to the determiner.
        left = i
        # An organisation's name before a head is its own constituent ("heeft de Europese
        # Commissie voorstellen gedaan") unless a capitalised head makes both one name
        # ("Europese Grens- en Kustwacht Verordening"), or a heading, which has no clause
        # ("Commissie rapport over de Staat van het Schengengebied").
        while left > 0 and i - left < MAX_LEFT and _is_modifier(tokens[left - 1], lex) \
                and not (tokens[left - 1].pos in ("NOUN", "PROPN") and not tok.text[:1].isupper() and not heading
                         and any(a <= tokens[left - 1].start < b for a, b in blocked)):
            left -= 1
            if tokens[left].lower == COORDINATOR or _participle(tokens[left]):
                break  # "het door de Commissie aangekondigde Unieplan": what precedes describes it
        # "asiel- en migratiepact": a truncated compound and "en" belong to the head.
        if left >= 2 and tokens[left - 1].lower == COORDINATOR and tokens[left - 2].text.endswith("-"):
            left -= 2
            while left > 0 and i - left < MAX_LEFT + 2 and _is_modifier(tokens[left - 1], lex):
                left -= 1
        mods = [t for t in tokens[left:i] if not _describing(t, lex)]
        right = i + 1
        identifiers: list[tuple[str, str]] = []
        com_tokens: set[int] = set()  # an identifier, not part of the name
        acronym = ""
        # Identifiers right after the head: "(EU) 2024/1351", "(EG) nr. 539/2001", "2026-2027".
        j = right
        while j < len(tokens):
            if tokens[j].text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" \
                    and tokens[j + 1].text in ACT_FAMILIES:
                j += 3
            elif tokens[j].lower in ("nr.", "nr") and j + 1 < len(tokens) and NUMBER_RE.match(tokens[j + 1].text):
                j += 1
            elif com := _com_at(tokens, j):
                # "een voorstel voor een richtlijn COM(2016)723": the Commission's number names it
                n, m = com
                identifiers.append(("comReference", f"COM({m['year']}) {m['number']}"))
                com_tokens.update(range(j, j + n))
                j += n
                right = j
            elif NUMBER_RE.match(tokens[j].text):
                if "/" in tokens[j].text:
                    identifiers.append(("actNumber", tokens[j].text))
                j += 1
                right = j
            else:
                break
        date_tokens: range = range(0)
        author_tokens: range = range(0)  # "van de Commissie" before the date: named only with a complement
        if after_date := _dated_at(tokens, right, dates):
            date_tokens, right = range(right, after_date), after_date
        elif (by := _author_end(tokens, right, authors)) and (after_date := _dated_at(tokens, by, dates)):
            author_tokens, date_tokens, right = range(right, by), range(by, after_date), after_date
        end = _apposition_end(tokens, right, lex, heading)
        if end == right:
            end = _proper_name_end(tokens, right, blocked, lex)  # "operatie Sophia", "Frontex-operatie Triton"
        apposed, right = end > right, end
        if _bracketed_acronym(tokens, right):
            acronym = tokens[right + 1].text
        comp_words = _complement_at(tokens, right, lex)
        opener = tokens[left - 1].lower if left > 0 else ""
        gap_tokens: range = range(0)
        if not (comp_words or apposed or identifiers or acronym) and type_name not in STANDS_FOR \
                and (opener == "een" or opener not in DETERMINERS):
            moved = _extraposed(tokens, right, lex)
            if moved:
                gap_tokens, right = range(right, moved), moved
                comp_words = _complement_at(tokens, right, lex)
        comp_end = right
        if comp_words:
            comp_end = _undated(tokens, right + comp_words, _complement_end(tokens, right + comp_words, lex), dates)
            if comp_end <= right + comp_words:
                comp_end = right
        if comp_end > right and _only_author(tokens[right:comp_end], authors):
            # "uitvoeringsbesluit van de Raad inzake X": the author stays when a complement follows,
            # also after the addressees ("Mededeling van de Commissie aan het Europees Parlement en de Raad over X")
            comp_end = _addressees_end(tokens, comp_end, authors)
            if not date_tokens and (after_date := _dated_at(tokens, comp_end, dates)):
                date_tokens, comp_end = range(comp_end, after_date), after_date
            more = _complement_at(tokens, comp_end, lex)
            further = _complement_end(tokens, comp_end + more, lex) if more else 0
            comp_end = further if further > comp_end + more else right
        if comp_end > right and (com := _com_at(tokens, comp_end)):
            n, found_com = com
            identifiers.append(("comReference", f"COM({found_com['year']}) {found_com['number']}"))
            com_tokens.update(range(comp_end, comp_end + n))
            comp_end += n
        span_end = comp_end if comp_end > right else right
        complement = tokens[right:comp_end] if comp_end > right else []
        prefix = compound_prefix(tok.lower, head).rstrip("-")
        # "ontwerp-verordening", "conceptbesluit": a describing first part names nothing
        compound = bool(prefix) and prefix not in lex.authors | lex.describing | EU_WORDS
        # "dit Uitvoeringsbesluit", "deze verordening" refer back, however they are written.
        demonstrative = opener in DEMONSTRATIVES and not (mods or complement or identifiers or acronym or compound)
        capitalised = any(t.text[:1].isupper() for t in mods) or (compound and tok.text[:1].isupper())
        naming_adjectives = [t for t in mods if t.lower not in EU_WORDS and not t.text[:1].isupper()]
        if type_name in STANDS_FOR and not (mods or complement or identifiers or acronym or capitalised or apposed):
            # "de kaderovereenkomst", "het wetgevingsvoorstel": the form of the instrument at hand
            named = False
        elif head in lex.weak:
            # A plural names kinds of thing ("robuuste wetgevende kaders", "nationale
            # databanken"), not one, unless a name or a complement says which ("de Dublinregels").
            # (the lexicon may give the plural itself: "regels", lemma "regel")
            plural = not tok.lower.rstrip("0123456789").endswith(head) or (
                tok.pos == "NOUN" and tok.lemma != tok.lower and tok.lower.endswith(("s", "en")))
            # (a capital opening the sentence or heading is no name: "Migratie-partnerschappen en deals")
            naming = (compound and tok.text[:1].isupper() and left > 0) if plural else (capitalised or naming_adjectives)
            named = not demonstrative and bool(naming or complement or identifiers or acronym or apposed)
        else:
            named = not demonstrative and bool(mods or complement or compound or identifiers or acronym or apposed)
        dated_span = (tokens[date_tokens[1]].start, tokens[date_tokens[-1]].end) if date_tokens else (0, 0)
        if date_tokens and not named and not demonstrative:
            # "de Raadsconclusies van 10 oktober 2014": the date is all that names it, so it stays in the name
            named, date_tokens, author_tokens = True, range(0), range(0)
        kept = [k for k in range(i + 1, span_end) if k not in com_tokens and k not in gap_tokens
                and k not in date_tokens and (complement or k not in author_tokens)]
        words = [t.text for t in mods] + [tok.text] + [tokens[k].text for k in kept]
        # a footnote mark glued to the last word ("tegen migrantensmokkel5") is no part of the name
        words[-1] = FOOTNOTE_MARK_RE.sub("", FOOTNOTE_STOP_RE.sub("", words[-1])) or words[-1]
        # "Passenger Name Record (PNR)-richtlijn": the bracket's acronym joins the head
        words = [w.replace(")-", "-") if ")-" in w and "(" not in w else w for w in words]
        label = _join(words)
        # "Verordening van het Europees Parlement en de Raad betreffende X" is "verordening betreffende X":
        # its authors are in the label, not in the key, when something else names it
        key = phrase_key(words, lex)
        if authors and (unauthored := [w for k, w in zip([None] * (len(mods) + 1) + kept, words)
                                       if k is None or not any(a <= tokens[k].start < b for a, b in authors)]) != words:
            bare = phrase_key(unauthored, lex)
            key = bare if "-" in bare else key
        inner = (bool(complement) and type_name in STANDS_FOR and complement[0].lower in ABOUT_COMPLEMENTS
                 and len(complement) > 1 and (complement[0].lower != "met" or head in ("akkoord", "compromis")))
        # (with the word before, which the tagger may have read as no modifier: "Geannoteerde agenda")
        if label.lower() in lex.not_instruments or any(" ".join(t.lower for t in tokens[k:i + 1]) in lex.not_instruments
                                                       for k in {left, max(left - 1, 0)}):
            i = span_end
            continue
        found.append(PolicyPhrase(
            start=tokens[left].start, end=tokens[span_end - 1].end, head_start=tok.start, head_end=tok.end,
            label=label, key=_keyed(key, identifiers), type_name=type_name, named=named, inner=inner,
            acronym=acronym, identifiers=tuple(identifiers), weak=head in lex.weak, opener=opener,
            before=tokens[left - 2].lower if left > 1 else "",
            gap=(tokens[gap_tokens[0]].start, tokens[gap_tokens[-1]].end) if gap_tokens else (0, 0),
            dated=dated_span))
        # The phrase a proposal or an agreement stands for is found as a phrase of its own.
        i = right if inner else max(span_end, i + 1)
    return found


def _undated(tokens: list[Tok], i: int, j: int, dates: dict[int, int]) -> int:
    """``j``, or the start of a date in ``tokens[i:j]`` with the preposition before it: "het
    besluit over de deelname van Polen op 29 februari vastgesteld" ends before "op"."""
    for k in range(i, j):
        if tokens[k].start in dates:
            return k - 1 if k - 1 > i and tokens[k - 1].lower in DATE_PREPOSITIONS else k
    return j


def _proper_name_end(tokens: list[Tok], j: int, blocked: list[tuple[int, int]], lex: PolicyLexicon) -> int:
    """Past the proper names right after a head that name what it heads ("operatie Sophia"),
    not an actor's name (``blocked``): at most ``MAX_PROPER`` capitalised words, whatever the
    tagger makes of a name it never saw ("Frontex-operatie Triton" with "Triton" read as a
    preposition), but no verb, pronoun, determiner or adjective, no head of another phrase
    ("Titel voorstel Voorstel voor een verordening …"), and only tagged words."""
    k = j

    def proper(t: Tok) -> bool:
        return t.text[:1].isupper() and t.text.isalpha() and bool(t.pos) \
            and t.pos not in ("VERB", "AUX", "PRON", "DET", "SCONJ", "CCONJ", "ADJ") \
            and t.lower not in EU_WORDS and not lex.head_of(t.lower) and not any(a <= t.start < b for a, b in blocked)

    names = 0
    while k < len(tokens) and proper(tokens[k]):
        k, names = k + 1, names + 1
        # an English name goes on over its "and" ("operaties Search and Rescue")
        if k + 1 < len(tokens) and tokens[k].text in ENGLISH_GLUE and proper(tokens[k + 1]):
            k += 1
    # a longer run of capitals is a title of its own ("Compromisvoorstel Digital Travel Credential")
    return k if names <= MAX_PROPER else j


def _author_end(tokens: list[Tok], j: int, authors: list[tuple[int, int]]) -> int:
    """Index after "van de Commissie" starting at ``j``: "van" and an authoring institution (else 0)."""
    if j >= len(tokens) or tokens[j].lower != "van":
        return 0
    k = j + 1
    while k < len(tokens) and tokens[k].lower in DETERMINERS:
        k += 1
    span = next(((a, b) for a, b in authors if a <= tokens[k].start < b), None) if k < len(tokens) else None
    if span is None:
        return 0
    while k < len(tokens) and tokens[k].start < span[1]:
        k += 1
    return k


def _dated_at(tokens: list[Tok], j: int, dates: dict[int, int]) -> int:
    """Index after "van 13 mei 2015" / "d.d. 13 mei 2015" starting at ``j`` (else 0)."""
    if j + 1 >= len(tokens) or tokens[j].lower not in DATE_OPENERS or tokens[j + 1].start not in dates:
        return 0
    end, k = dates[tokens[j + 1].start], j + 1
    while k < len(tokens) and tokens[k].start < end:
        k += 1
    return k


def _extraposed(tokens: list[Tok], j: int, lex: PolicyLexicon) -> int:
    """Where a complement moved behind the verb begins, when the words from ``j`` are the verbs
    (and a particle) that end a main clause's middle and then such a complement: "een
    aanbeveling gepubliceerd over …", "heeft conclusies aangenomen inzake …", "nam conclusies
    aan over …" (else 0). Only one that runs to the clause's end counts: what follows a moved
    complement is punctuation, "en", a word that opens a clause, or nothing."""
    k = j
    while k < len(tokens) and k - j <= MAX_GAP and not (k > j and tokens[k].lower in EXTRAPOSABLE):
        if tokens[k].pos not in ("VERB", "AUX") and tokens[k].lower not in PARTICLES:
            return 0
        k += 1
    gap = tokens[j:k]
    if not gap or not (any(t.pos == "VERB" for t in gap) or (len(gap) == 1 and gap[0].lower in PARTICLES)):
        return 0
    if k >= len(tokens) or tokens[k].lower not in EXTRAPOSABLE or not _complement_at(tokens, k, lex):
        return 0
    lo, _ = clause_of(clauses(tokens), j)
    if tokens[lo].lower in (SUBORDINATORS | RELATIVES) - {"maar"}:
        return 0  # "… dat een aanbeveling en richtsnoeren bevat voor …": a subordinate clause's verb ends it
    end = _complement_end(tokens, k + _complement_at(tokens, k, lex), lex)
    closes = end >= len(tokens) or not tokens[end].text[:1].isalnum() or tokens[end].lower in PHRASE_ENDERS | {COORDINATOR}
    return k if end > k + 1 and closes else 0


def _apposition_end(tokens: list[Tok], j: int, lex: PolicyLexicon, heading: bool = False) -> int:
    """Past a name set after the head without a preposition, as titles do ("Verordening
    cessie van vorderingen", "Mededeling Europees jaarverslag asiel en migratie"): nouns and
    adjectives, "en" between nouns, ending in a noun; after a capitalised head, or before a
    complement ("de verordening cessie van vorderingen"), for elsewhere a noun after a head
    is as often the next constituent ("de strategie specifiek aandacht besteedt"). Only
    tagged words qualify. A heading has no verb: a word tagged as one there is a noun
    ("Raadsconclusies betere beheersing migratiestromen")."""
    titled = j > 0 and tokens[j - 1].text[:1].isupper()

    def noun(t: Tok) -> bool:
        return t.pos == "NOUN" or (heading and t.pos == "VERB" and t.text.isalpha())

    end, k = j, j
    while k < len(tokens) and k - j < MAX_APPOSITION:
        t = tokens[k]
        if t.text[:1].isupper() and lex.head_of(t.lower):
            break  # "Titel voorstel Aanbeveling van de Raad …": another name begins
        if _complement_at(tokens, k, lex):
            break  # "Verordening betreffende een …" (read as a verb): the complement begins
        infinitives = _nominal_infinitives(tokens, k) if titled else k
        if infinitives > k:
            end = k = infinitives
            continue
        if noun(t):
            end = k + 1
        elif t.pos not in ("ADJ", "PROPN") and not (
                t.lower == COORDINATOR and k > j and noun(tokens[k - 1])
                and k + 1 < len(tokens) and noun(tokens[k + 1])):
            break
        k += 1
    # one noun closing the phrase before a bracket or a sentence mark: "de ontwerp-verordening
    # erfrecht (behalve …)", "de verordening erfrecht." (a month or weekday is a date)
    # (an infinitive ending a clause with an auxiliary is its verb: "kan met de verordening instemmen.")
    closing = (end == j + 1 and (end == len(tokens) or not tokens[end].text[:1].isalnum())
               and tokens[j].lower not in MONTHS and tokens[j].lower not in WEEKDAYS
               and not (tokens[j].lower.endswith("en") and any(t.pos == "AUX" for t in tokens[:j])))
    # after a head in lower case a title opens with its noun ("de verordening cessie van
    # vorderingen"); an adjective opens the next constituent ("in het voorstel extra maatregelen … opgenomen")
    described = not titled and not heading and j < len(tokens) and tokens[j].pos == "ADJ"
    return end if end > j and not described and (titled or closing or _complement_at(tokens, end, lex)) else j


def _nominal_infinitives(tokens: list[Tok], k: int) -> int:
    """Past infinitives used as nouns in a title, joined by "en" and taking a complement
    ("Richtlijn voorkomen en bestrijden van mensenhandel"), else ``k``; a verb the tagger
    calls a noun counts too."""
    n = k
    while n < len(tokens) and tokens[n].pos in ("VERB", "NOUN") and tokens[n].text.isalpha() \
            and tokens[n].text.islower() and tokens[n].lower.endswith("en") and tokens[n].lower == tokens[n].lemma:
        n += 1
        if n + 1 < len(tokens) and tokens[n].lower == COORDINATOR and tokens[n + 1].pos in ("VERB", "NOUN"):
            n += 1
        else:
            break
    verbs = tokens[k:n]
    return n if any(t.pos == "VERB" for t in verbs) and n < len(tokens) and tokens[n].lower == "van" else k


def _com_at(tokens: list[Tok], j: int) -> tuple[int, re.Match] | None:
    """The Commission number that tokens from ``j`` spell, one token ("COM(2016)723"), three
    ("COM(2016", ")", "723") or, written with a space, three or five ("COM (2016) 271"), with
    how many tokens it takes; None when they spell none ("COM(2016)723final")."""
    for n in (1, 3, 5):
        m = COM_TOKEN_RE.fullmatch("".join(t.text for t in tokens[j:j + n]))
        if m:
            return n, m
    return None


def _keyed(key: str, identifiers: list[tuple[str, str]]) -> str:
    """A key that is only the head ("richtlijn" of "een richtlijn COM(2016)723") takes the
    Commission's number, so that two such directives stay two."""
    coms = [v for k, v in identifiers if k == "comReference"]
    return key if "-" in key or not coms else "-".join([key, *re.findall(r"\w+", coms[0].lower())])


def compound_prefix(word: str, head: str) -> str:
    """What a compound puts before its head, singular or plural: "terugkeerverordening" →
    "terugkeer", "wetgevingsvoorstellen" → "wetgevings", "strategieën" → "" (the head's
    last letter may change in the plural: strategie-ën)."""
    at = word.rfind(head[:-1])
    return word[:at] if at >= 0 else word[: len(word) - len(head)]


def _only_author(complement: list[Tok], authors: list[tuple[int, int]]) -> bool:
    """Whether a complement is "van" + an authoring institution and nothing else."""
    if not complement or complement[0].lower != "van":
        return False
    rest = [t for t in complement[1:] if t.lower not in DETERMINERS]
    return bool(rest) and any(a <= rest[0].start and rest[-1].end <= b for a, b in authors)


def _addressees_end(tokens: list[Tok], j: int, authors: list[tuple[int, int]]) -> int:
    """Past "aan het Europees Parlement en de Raad" from ``j``: institutions an act or a
    communication is addressed to; else ``j``."""
    if j >= len(tokens) or tokens[j].lower != ADDRESSED:
        return j
    k, end = j + 1, j
    while k < len(tokens) and (tokens[k].lower in DETERMINERS | {COORDINATOR, ","}
                               or any(a <= tokens[k].start < b for a, b in authors)):
        if any(a <= tokens[k].start < b for a, b in authors):
            end = k + 1
        k += 1
    return end if end > j else j


def _join(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+([)\],.])|([(\[])\s+", lambda m: m.group(1) or m.group(2), text).strip()


def phrase_key(words: list[str], lex: PolicyLexicon) -> str:
    """The normalised name of a phrase: its head class word first, then its other content
    words, compounds split at their head and sorted, so that word order and case do not
    matter."""
    parts: list[str] = []
    head_word = ""
    for w in words:
        for piece in re.split(r"[^\w]+", w.lower()):
            if not piece or piece in FUNCTION_WORDS or piece in EU_WORDS or piece in lex.describing \
                    or not _stems(piece).isdisjoint(lex.describing):
                continue
            hit = lex.head_of(piece, tagged_noun=True)  # a phrase's words: its head is a noun
            if hit and not head_word:
                head, _ = hit
                head_word = head
                rest = compound_prefix(piece, head)
                if rest:
                    parts.append(rest.rstrip("s") if rest.endswith("s") and len(rest) > 4 else rest)
                continue
            parts.append(piece)
    if head_word in ("voorstel", "wetsvoorstel") and parts:
        inner = [p for p in parts if lex.head_of(p)]
        if inner:
            return phrase_key([" ".join(p for p in parts)], lex)
    return "-".join([head_word or "x", *sorted(dict.fromkeys(parts))])
