"""Deterministic IRIs for what jbzgraph mints: the same letter always yields the same IRIs."""

import hashlib
import re
import unicodedata
from functools import lru_cache

from jbzgraph.namespace import GRAPH, JBZID


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-', stable across runs and platforms."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def letter_iri(source: str) -> str:
    """A letter is identified by its file name, so rebuilding a corrected file replaces it."""
    return f"{JBZID}letter/{slug(source)}"


def letter_graph(source: str) -> str:
    return f"{GRAPH}letter/{slug(source)}"


def statement_iri(source: str, kind: str, *key: object) -> str:
    return f"{letter_iri(source)}/{kind}/{digest(*key)}"


def evidence_iri(source: str, start: int, end: int) -> str:
    return f"{letter_iri(source)}/span/{start}-{end}"


def person_iri(name: str) -> str:
    return f"{JBZID}person/{slug(name)}"


def instrument_iri(key: str) -> str:
    return f"{JBZID}instrument/{slug(key)}"


def meeting_iri(body_key: str, first: object) -> str:
    return f"{JBZID}meeting/{slug(body_key)}/{first}"


def reference_iri(kind: str, ref: str) -> str:
    return f"{JBZID}ref/{kind}/{slug(ref)}"


def group_iri(source: str, key: str) -> str:
    return f"{letter_iri(source)}/group/{slug(key)}"


def parliamentary_group_iri(name: str) -> str:
    """Party groups are named the same way across letters, so they get one IRI everywhere."""
    return f"{JBZID}org/fractie/{slug(name)}"


def motion_iri(names: tuple[str, ...], number: str | None) -> str:
    """By number when the letter gives one (so citations of it meet), else by its names."""
    return reference_iri("motion", number) if number else f"{JBZID}ref/motion/{slug('-'.join(names))}"
