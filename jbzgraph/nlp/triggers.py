"""Which sentences the tagger must read: those with a word that may be a stance or stage cue.

The cues of the lexicon are lemmas ("steunen", "vaststellen"); a sentence says them in
any form ("steunde", "stelde … vast", "nam … aan"). The test is a search for the stems of
the cue words, of the verb part of separable verbs, and of the past-tense stems of the
strong verbs among them, over the lower-cased sentence: loose on purpose, since it only
decides where the tagger runs, and the rules then match lemmas.
"""

import re
from functools import lru_cache

from jbzgraph.kb import KnowledgeBase

# Dutch grammar: separable verb particles, and the past stems of the strong verbs that cue
# words are built on (nemen: nam, genomen; spreken: sprak; ...).
PARTICLES = ("aan", "af", "in", "uit", "op", "toe", "vast", "voor", "goed", "mee", "door", "na", "terug",
             "tegen", "over", "bij", "kennis")
STRONG_PASTS = {"nemen": ("nam", "nom"), "spreken": ("sprak", "sprok"), "wijzen": ("wees", "wez"),
                "treden": ("trad",), "geven": ("gaf", "gav"), "vinden": ("vond",), "zien": ("zag",),
                "komen": ("kwam",), "brengen": ("bracht",), "houden": ("hield",), "sluiten": ("sloot", "slot"),
                "stellen": ("stelde",), "dienen": ("diende",), "doen": ("deed", "gedaan"), "gaan": ("ging", "gegaan"),
                "hechten": ("hecht",), "krijgen": ("kreeg", "gekregen"), "verzetten": ("verzet",),
                "onderschrijven": ("onderschreef", "onderschrev"), "treffen": ("trof",),
                "verwijzen": ("verwees", "verwez"), "verwerpen": ("verwierp", "verworp"), "dringen": ("drong",),
                "roepen": ("riep",)}
MIN_STEM = 4
VOWELS = set("aeiouy")
# Action cues matter only beside a nominal cue, so they do not select a sentence themselves.
CUE_PROPERTIES = ("cue", "nominalCue", "councilCue", "authorshipCue")
NOT_TELLING = {"zich", "van", "met", "een", "het", "niet", "in", "op", "tegen", "voor", "over", "aan", "bij", "naar", "tot"}
# Verbs that carry little of a cue's meaning (grammar).
LIGHT_VERBS = {"worden", "zijn", "nemen", "gaan", "komen", "hebben", "geven", "krijgen", "maken", "zien", "rekenen"}



def _stem(word: str) -> str:
    """The part of a lemma every finite form shares: "steunen" → "steun", "stemmen" → "stem"."""
    w = word.split(":")[0]
    if w.endswith("en") and len(w) > MIN_STEM:
        w = w[:-2]
        if len(w) > 2 and w[-1] == w[-2]:
            w = w[:-1]
    return w


def verb_stems(verb: str) -> set[str]:
    """What the forms of a verb start with: "stellen" → stel; "nemen" → nem, neem (and its
    strong pasts nam, nom); "wijzen" → wijz, wijs."""
    stem = _stem(verb)
    found = {stem, *STRONG_PASTS.get(verb, ())}
    if len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] in VOWELS and stem[-3] not in VOWELS:
        found.add(stem[:-1] + stem[-2] + stem[-1])  # open syllable: nemen -> neem
    for voiced, voiceless in (("z", "s"), ("v", "f")):
        if stem.endswith(voiced):
            found |= {f[:-1] + voiceless for f in list(found) if f.endswith(voiced)}
    return {f for f in found if len(f) >= 3}


def _telling_word(cue: str) -> str:
    """The word of a cue a sentence must contain: its last word ("belang hechten": hechten,
    "politiek akkoord": akkoord), unless that is a light verb ("van toepassing worden",
    "kennis nemen"), then its longest other word."""
    words = [w for w in cue.lower().split(":")[0].split() if w not in NOT_TELLING]
    if words[-1] not in LIGHT_VERBS or len(words) == 1:
        return words[-1]
    return max(words[:-1], key=len)


def _patterns(kb: KnowledgeBase) -> tuple[set[str], dict[str, set[str]], set[str]]:
    """Stems of the verbs (their forms start with one, after "ge" or "te"), stems of the
    particle verbs by particle (the particle is a word of its own, or joined: "vastgesteld"),
    and the other cue words, at the start of a word ("steun", not "samenwerking" for "werking")."""
    verbs: set[str] = set()
    split: dict[str, set[str]] = {}
    others: set[str] = set()
    for prop in CUE_PROPERTIES:
        for cue in kb.words(prop):
            word = _telling_word(cue)
            if not word.endswith("en"):
                others.add(word)
                # An adjective with a double vowel loses it when inflected: formeel -> formele.
                undoubled = re.sub(r"([aeou])\1([^aeiou])$", r"\1\2", word)
                if undoubled != word:
                    others.add(undoubled)
                # and a final f or s is voiced: positief -> positieve, negatief -> negatieve
                if word[-1:] in ("f", "s"):
                    others.add(word[:-1] + {"f": "v", "s": "z"}[word[-1]])
                continue
            particle = next((p for p in PARTICLES if word.startswith(p) and len(word) - len(p) > MIN_STEM), "")
            if particle:
                split.setdefault(particle, set()).update(verb_stems(word[len(particle):]))
            else:
                verbs.update(verb_stems(word))
    return verbs, split, others


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=4)
def _compiled(kb: KnowledgeBase) -> tuple[re.Pattern, list[tuple[re.Pattern, re.Pattern]]]:
    verbs, split, others = _patterns(kb)
    joined = [p + r"(?:ge|\s?te\s?)?(?:" + _alternation(stems) + ")" for p, stems in split.items()]
    # a short word is found whole ("te ver gaan": "ver", not "verordening")
    short = {w for w in others if len(w) < MIN_STEM}
    plain = re.compile(r"(?<![a-zà-ÿ])(?:(?:ge)?(?:" + _alternation(verbs) + r")|" + "|".join(joined)
                       + "|" + _alternation(others - short)
                       + ("|(?:" + _alternation(short) + r")(?![a-zà-ÿ])" if short else "") + ")")
    detached = [(re.compile(r"(?<![a-zà-ÿ])(?:" + _alternation(stems) + ")"),
                 re.compile(r"(?<![a-zà-ÿ])" + p + r"(?![a-zà-ÿ])")) for p, stems in split.items()]
    return plain, detached


def needs_tags(sentence: str, kb: KnowledgeBase) -> bool:
    """Whether ``sentence`` holds a word that may be a cue of the lexicon."""
    plain, detached = _compiled(kb)
    lower = sentence.lower()
    if plain.search(lower):
        return True
    return any(verb.search(lower) and particle.search(lower) for verb, particle in detached)
