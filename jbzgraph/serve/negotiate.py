"""Content negotiation: the media type to answer in, from ``Accept`` or a ``format=`` name.

The server's order of preference breaks ties, so ``*/*`` (or no ``Accept``) gets the first
type offered. Clients send odd lists (SPARQLWrapper's JSON asks for
``application/sparql-results+json,application/json,text/javascript,...``), so plain
``application/json`` counts as SPARQL JSON results and ``text/plain`` as N-Triples.
"""

from jbzgraph.serve.results import GRAPH_TYPES, RESULT_TYPES

HTML = "text/html"
# Names a client may give as ``format=`` (besides a media type itself).
FORMAT_NAMES = {
    "json": RESULT_TYPES["json"], "xml": RESULT_TYPES["xml"], "csv": RESULT_TYPES["csv"], "tsv": RESULT_TYPES["tsv"],
    "ttl": GRAPH_TYPES["ttl"], "turtle": GRAPH_TYPES["ttl"], "nt": GRAPH_TYPES["nt"], "ntriples": GRAPH_TYPES["nt"],
    "jsonld": GRAPH_TYPES["jsonld"], "json-ld": GRAPH_TYPES["jsonld"], "html": HTML,
}
ALIASES = {"application/json": RESULT_TYPES["json"], "application/xml": RESULT_TYPES["xml"],
           "text/xml": RESULT_TYPES["xml"], "text/plain": GRAPH_TYPES["nt"], "application/x-turtle": GRAPH_TYPES["ttl"],
           "application/xhtml+xml": HTML}


def parse_accept(header: str) -> list[tuple[str, float]]:
    """(media range, q) pairs of an ``Accept`` header; malformed q values count as 1."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 1.0
        media = fields[0].lower()
        ranges.append((ALIASES.get(media, media), q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching ``offer``."""
    best, specificity = 0.0, -1
    kind = offer.split("/")[0]
    for media, q in ranges:
        level = 2 if media == offer else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers; the first offer without ``Accept``; None when it accepts none."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    scored = [(_quality(o, ranges), -i, o) for i, o in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None


def by_name(name: str, offers: list[str]) -> str | None:
    """The media type a ``format=`` value names, if it is one of ``offers``."""
    media = FORMAT_NAMES.get(name.lower(), ALIASES.get(name.lower(), name.lower()))
    return media if media in offers else None
