"""The flow for one letter, each step a call: ingest → layout → nlp → extract → rdf.

Only :func:`build` touches the store, and only after a letter went through every step,
so a letter that fails anywhere leaves the store as it was.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from jbzgraph.errors import InputError, JbzError, ValidationError
from jbzgraph.extract import extract
from jbzgraph.extract.model import Extraction
from jbzgraph.ingest import find_letters, read_letter
from jbzgraph.kb import KnowledgeBase, load_kb
from jbzgraph.layout import parse_layout
from jbzgraph.nlp import analyse, default_nlp
from jbzgraph.rdf import KB_GRAPH, ONTOLOGY_GRAPH, extraction_quads, kb_quads, vocabulary_version
from jbzgraph.store.embedded import EmbeddedStore
from jbzgraph.validate.shacl import check_quads


DCT_HAS_VERSION = ox.NamedNode("http://purl.org/dc/terms/hasVersion")


@dataclass
class LetterResult:
    path: Path
    graph: str
    quads: list[ox.Quad]
    extraction: Extraction


@dataclass
class BuildReport:
    built: list[LetterResult] = field(default_factory=list)
    failed: list[JbzError] = field(default_factory=list)


def process_letter(path: Path | str, kb: KnowledgeBase | None = None) -> LetterResult:
    """Read, analyse and extract one letter; nothing is written anywhere."""
    kb = kb or load_kb()
    letter = read_letter(path)
    document = parse_layout(letter)
    analysis = analyse(document, default_nlp(), kb)
    extraction = extract(document, analysis, kb)
    graph, quads = extraction_quads(extraction, kb)
    return LetterResult(Path(path), graph, quads, extraction)


def load_vocabulary(store: EmbeddedStore) -> bool:
    """(Re)load the ontology and KB graphs when their files changed; True if it did.

    The graphs carry the hash of the files they came from, so an unchanged vocabulary is
    left alone (and its blank nodes keep their identity across builds).
    """
    version = vocabulary_version()
    marker = ox.Quad(ox.NamedNode(KB_GRAPH), DCT_HAS_VERSION, ox.Literal(version), ox.NamedNode(KB_GRAPH))
    if store.contains(marker):
        return False
    quads = kb_quads()
    for graph in (ONTOLOGY_GRAPH, KB_GRAPH):
        extra = [marker] if graph == KB_GRAPH else []
        store.replace_graph(graph, [q for q in quads if q.graph_name.value == graph] + extra)
    return True


def validated(result: LetterResult) -> LetterResult:
    """The result unchanged, or a ValidationError naming the letter and its first violations."""
    found = check_quads(result.quads)
    if found:
        shown = "; ".join(str(v) for v in found[:3])
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise ValidationError(result.path, f"graph breaks the SHACL shapes: {shown}{more}")
    return result


def build(paths: list[Path | str], store: EmbeddedStore, kb: KnowledgeBase | None = None,
          validate: bool = True) -> BuildReport:
    """Add or replace each letter's graph; a bad letter is reported and skipped.

    With ``validate`` a letter's graph is checked against the SHACL shapes before it is
    written, so a graph that breaks them never enters the store.
    """
    kb = kb or load_kb()
    report = BuildReport()
    letters: list[Path] = []
    for p in paths:
        try:
            letters.extend(find_letters([p]))
        except InputError as exc:
            report.failed.append(exc)
    if letters:
        load_vocabulary(store)
    for path in letters:
        try:
            result = process_letter(path, kb)
            if validate:
                validated(result)
            store.replace_graph(result.graph, result.quads)
        except JbzError as exc:
            report.failed.append(exc)
            continue
        report.built.append(result)
    store.flush()
    return report
