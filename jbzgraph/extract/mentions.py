"""Which countries, organisations, instruments and people a letter names (``jbz:Mention``).

One mention per distinct entity per letter, with its first occurrence as evidence.
"""

from jbzgraph.extract.evidence import span
from jbzgraph.extract.instruments import LOCAL, InstrumentContext
from jbzgraph.extract.model import Mention, Signatory
from jbzgraph.nlp import Analysis
from jbzgraph.nlp.persons import family_name

CONTRACT_KINDS = ("member_state", "third_country", "organisation", "instrument", "person")
CONFIDENCE = {
    "gazetteer_preflabel": 0.95,
    "gazetteer_altlabel": 0.9,
    "gazetteer_acronym": 0.9,
    "gazetteer_hiddenlabel": 0.8,
    "gazetteer_adjective": 0.7,
    "policy_phrase_kb": 0.8,
    "policy_phrase_name": 0.75,
    "policy_phrase": 0.65,
    "alias_hierna": 0.85,
    "person_after_title": 0.75,
    "person_in_motion_name": 0.8,
    "signature_block": 1.0,
}


def mentions(text: str, analysis: Analysis, signatories: list[Signatory],
             context: InstrumentContext, targets: set[str] = frozenset()) -> list[Mention]:
    """Countries, organisations and people from the gazetteer; instruments from the
    instrument context, which adds the ones the letter names in its own words: those with
    a name (capitals, an acronym, an identifier), and a common-noun phrase
    ("kaderovereenkomst") only when a position or event is about it (``targets``: their
    keys), since on its own it is as often a thing talked of as an instrument."""
    seen: dict[str, Mention] = {}

    def add(m: Mention) -> None:
        key = (m.instrument.key if m.instrument else m.iri) or "person:" + family_name(m.name).lower()
        if key not in seen:
            seen[key] = m

    others = [e for e in analysis.entities + analysis.persons if e.kind in CONTRACT_KINDS and e.kind != "instrument"]
    for ent in sorted(others + context.mentions, key=lambda e: e.start):
        local = context.instrument(ent.iri) if ent.iri.startswith(LOCAL) else None
        if ent.rule == "policy_phrase" and local is not None and local.key not in targets:
            continue
        add(Mention("" if local else ent.iri, ent.kind, ent.text, span(text, ent.start, ent.end), ent.rule,
                    CONFIDENCE.get(ent.rule, 0.6), local))
    for sig in signatories:
        add(Mention(sig.person_iri, "person", sig.name, sig.evidence, sig.rule, CONFIDENCE[sig.rule]))
    return list(seen.values())
