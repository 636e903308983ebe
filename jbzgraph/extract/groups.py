"""Groups of countries a letter names: enumerations of three or more countries in one
sentence ("tussen Nederland, België, Frankrijk, …", "(bestaande uit België, Denemarken, …)",
"samen met Duitsland, Denemarken, …"), as ``jbz:CountryGroup`` with ``jbz:Membership``s.

The group's key comes from what the sentence calls it: a coalition code ("C7"), a
"kopgroep …", a joint letter or statement, or the Commission's pressure categories.
"""

import re

from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.model import Membership
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis

SEPARATOR_RE = re.compile(r"^\s*(?:,|,?\s+en|,?\s+of|,?\s+alsook|;)?\s*$")
MIN_MEMBERS = 3
NAME_RULES = [
    (re.compile(r"\b(?P<code>[A-Z]{1,2}\d{1,2})\b"), lambda m: m["code"].lower()),
    (re.compile(r"\bkopgroep(?:landen)?(?:\s+(?P<topic>[\w-]+))?", re.IGNORECASE),
     lambda m: "kopgroep" + (f"_{m['topic'].lower()}" if m["topic"] and m["topic"].lower() not in ("op", "van", "de", "het", "en") else "")),
    (re.compile(r"\b(?:gezamenlijke?|gezamenlijk)\s+(?P<what>brief|statement|verklaring)\b", re.IGNORECASE),
     lambda m: f"joint_{'letter' if m['what'].lower() == 'brief' else 'statement'}"),
    (re.compile(r"\b(?P<what>brief|statement|verklaring)\b[^.]{0,80}\bsamen\s+met\b", re.IGNORECASE),
     lambda m: f"joint_{'letter' if m['what'].lower() == 'brief' else 'statement'}"),
    (re.compile(r"\bmigratiedruk\b", re.IGNORECASE), lambda m: "migratory_pressure"),
    (re.compile(r"\bsamen\s+met\b", re.IGNORECASE), lambda m: "cosignatories"),
]
NLD_TOGETHER_RE = re.compile(r"\b(?:Nederland|het kabinet|wij)\b[^.]{0,80}\bsamen\s+met\b", re.IGNORECASE)


def _runs(mentions):
    """Maximal runs of country mentions separated only by commas and "en"."""
    run = []
    for m in mentions:
        if run and not SEPARATOR_RE.match(m[2]):
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def _context(document: Document, analysis: Analysis, offset: int) -> tuple[int, int]:
    """The sentence that says what a group is: the sentence itself, or for a list in a
    footnote, the sentence the footnote hangs from ("een gezamenlijk statement³")."""
    for note in document.footnotes:
        if note.start <= offset < note.end and note.anchor >= 0:
            return analysis.sentence_at(max(0, note.anchor - 1))
    return analysis.sentence_at(offset)


def groups(document: Document, analysis: Analysis, kb: KnowledgeBase) -> list[Membership]:
    text = document.text
    nld = kb.by_key("member_state", "NLD")
    result: list[Membership] = []
    used_keys: dict[str, int] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    for s_start, s_end in analysis.sentences:
        inside = [e for e in analysis.entities_in(s_start, s_end)
                  if e.kind in ("member_state", "third_country") and e.rule != "gazetteer_adjective"]
        c_start, c_end = _context(document, analysis, s_start)
        triples, prev_end = [], None
        for e in inside:
            triples.append((e, e.iri, text[prev_end:e.start] if prev_end is not None else ""))
            prev_end = e.end
        for run in _runs(triples):
            members = list(dict.fromkeys(iri for _, iri, _ in run))
            if len(members) < MIN_MEMBERS:
                continue
            sentence = text[s_start:s_end] if (c_start, c_end) == (s_start, s_end) else (
                text[c_start:c_end] + " " + text[s_start:s_end])
            key = next((name(m) for rx, name in NAME_RULES if (m := rx.search(sentence))), "enumeration")
            if nld and NLD_TOGETHER_RE.search(sentence) and nld.iri not in members:
                members.insert(0, nld.iri)
            if (key, frozenset(members)) in seen:
                continue  # a title or list said again is the same group
            seen.add((key, frozenset(members)))
            used_keys[key] = used_keys.get(key, 0) + 1
            if used_keys[key] > 1:
                key = f"{key}_{used_keys[key]}"
            label = re.sub(r"\s+", " ", text[c_start:c_end]).strip()[:160]
            evidence = sentence_of(analysis, text, s_start)
            for iri in members:
                result.append(Membership(key, label, iri, evidence, "country_enumeration", 0.8))
    return result
