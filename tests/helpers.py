"""Shared test helpers: run the real pipeline over a passage of text."""

from pathlib import Path

from jbzgraph.extract import extract
from jbzgraph.ingest import read_letter
from jbzgraph.kb import load_kb
from jbzgraph.layout import parse_layout
from jbzgraph.nlp import analyse

# Letters shorter than a real letter are rejected by ingest, so passages get a neutral tail.
PADDING = (
    "\n\nDit is een brief aan de Tweede Kamer over de JBZ-Raad en de onderwerpen die daar besproken worden.\n\n"
    "Over de uitkomsten van de bijeenkomst wordt uw Kamer na afloop nader geïnformeerd in de gebruikelijke vorm, "
    "zoals dat bij iedere bijeenkomst van deze Raad het geval is geweest.\n"
)


def extract_passage(tmp_path: Path, body: str, name: str = "passage.txt"):
    """Write ``body`` as a letter file and run every step on it."""
    path = tmp_path / name
    path.write_text(body + PADDING, encoding="utf-8")
    document = parse_layout(read_letter(path))
    analysis = analyse(document)
    return extract(document, analysis, load_kb()), document


def keys(kb, iris):
    return [kb.entities[i].key if i in kb.entities else i for i in iris]


LETTERS = Path(__file__).resolve().parent.parent / "data" / "letters"
_processed: dict = {}


def processed(name: str):
    """A bundled letter through every step up to its quads (cached: the steps are pure)."""
    from jbzgraph.pipeline import process_letter

    if name not in _processed:
        _processed[name] = process_letter(LETTERS / name)
    return _processed[name]


# The columns CONTRACT.md gives each competency query, in order.
CONTRACT_COLUMNS = {
    "letters": ["source", "doc_type", "date", "meeting_start", "meeting_end", "meeting_place"],
    "signatories": ["source", "name", "role"],
    "mentions": ["source", "kind", "key", "label"],
    "references": ["source", "ref_kind", "ref"],
    "positions": ["source", "holder", "target", "target_label", "target_ids", "stance", "quote"],
    "events": ["source", "target", "target_label", "target_ids", "stage", "body", "date"],
    "groups": ["source", "group", "member"],
}
