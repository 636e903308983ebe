"""Documents a letter cites (``jbz:Citation`` of a ``jbz:Reference``), one per distinct reference."""

from jbzgraph.extract.evidence import span
from jbzgraph.extract.model import Citation
from jbzgraph.nlp import Analysis


def citations(text: str, analysis: Analysis) -> list[Citation]:
    seen: dict[tuple[str, str], Citation] = {}
    for ref in analysis.references:
        key = (ref.kind, ref.ref)
        if key not in seen:
            seen[key] = Citation(ref.kind, ref.ref, span(text, ref.start, ref.end), ref.rule)
    return list(seen.values())
