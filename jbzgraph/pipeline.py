"""The flow for one letter, each step a call: ingest → layout → nlp → extract → rdf.

Only :func:`build` touches the store, and only after a letter went through every step,
so a letter that fails anywhere leaves the store as it was.
"""

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from jbzgraph.errors import InputError, JbzError, ValidationError
from jbzgraph.extract import extract
from jbzgraph.extract.model import Extraction
from jbzgraph.fetch.manifest import withdrawn_sources
from jbzgraph.ingest import find_letters, read_letter
from jbzgraph.kb import KnowledgeBase, load_kb
from jbzgraph.layout import Document, parse_layout
from jbzgraph.nlp import analyse, default_nlp
from jbzgraph.rdf import KB_GRAPH, ONTOLOGY_GRAPH, extraction_quads, kb_quads, vocabulary_version
from jbzgraph.rdf.iris import letter_graph
from jbzgraph.source_metadata import prefer_source_metadata
from jbzgraph.store.embedded import EmbeddedStore, ntriples
from jbzgraph.validate.compiled import check_quads, gate


DCT_HAS_VERSION = ox.NamedNode("http://purl.org/dc/terms/hasVersion")


@dataclass
class LetterResult:
    path: Path
    graph: str
    quads: list[ox.Quad]
    extraction: Extraction


@dataclass(frozen=True)
class BuiltLetter:
    """What the build report keeps of a letter once it is written: not its quads, so that a
    build of thousands of letters holds one letter in memory at a time."""

    path: Path
    graph: str
    doc_type: str
    counts: dict[str, int]
    warnings: tuple


@dataclass(frozen=True)
class Prepared:
    """A letter ready to be written: its summary and its graph as N-Triples, which cross a
    process boundary far cheaper than quad objects."""

    letter: BuiltLetter
    ntriples: bytes


@dataclass
class BuildReport:
    built: list[BuiltLetter] = field(default_factory=list)
    failed: list[JbzError] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # letters withdrawn at the source, graphs dropped


def nlp_for(document: Document):
    """The spaCy pipeline, allowed the document's length: spaCy refuses texts over
    ``max_length`` (1M characters, E088) to protect parsers and NER from running out of
    memory, but this pipeline is a tokenizer with rules and the tagger runs per sentence,
    so a long letter costs time and memory in proportion (see the README's limits)."""
    nlp = default_nlp()
    if len(document.text) >= nlp.max_length:
        nlp.max_length = len(document.text) + 1
    return nlp


def process_letter(path: Path | str, kb: KnowledgeBase | None = None) -> LetterResult:
    """Read, analyse and extract one letter; nothing is written anywhere. What the file's
    format says about the letter (its markup's dossier, date, signatories) is preferred
    over what is read from its text."""
    kb = kb or load_kb()
    letter = read_letter(path)
    document = parse_layout(letter)
    analysis = analyse(document, nlp_for(document), kb)
    extraction = prefer_source_metadata(extract(document, analysis, kb), letter, document, kb)
    graph, quads = extraction_quads(extraction, kb, letter.metadata, letter.format)
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


def prepare(path: Path, validate: bool = True, kb: KnowledgeBase | None = None) -> Prepared | JbzError:
    """Everything for one letter short of writing it; a failure is returned, not raised,
    so that it can come back from a worker process."""
    try:
        result = process_letter(path, kb)
        if validate:
            validated(result)
    except JbzError as exc:
        return exc
    x = result.extraction
    summary = BuiltLetter(result.path, result.graph, x.letter.doc_type, x.counts(), tuple(x.warnings))
    return Prepared(summary, ntriples(result.quads))


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Load what every letter needs (KB, spaCy pipeline, compiled shapes) and freeze it,
    once per process: these objects live as long as the process, and frozen, the cyclic
    garbage collector stops rescanning them (measured: 6% of a build's time)."""
    load_kb()
    default_nlp()
    gate()
    gc.collect()
    gc.freeze()


def _prepared(letters: list[Path], validate: bool, jobs: int, kb: KnowledgeBase) -> Iterator[Prepared | JbzError]:
    """Letters are independent until the store: with ``jobs`` > 1 they are read, analysed
    and validated in worker processes (forked after the warm-up, so they share it), and
    written here, one at a time, in order."""
    warm_up()
    if jobs <= 1 or len(letters) < 2:
        for path in letters:
            yield prepare(path, validate, kb)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=warm_up) as pool:
        yield from pool.map(prepare, letters, [validate] * len(letters), chunksize=4)


def remove_withdrawn(paths: list[Path | str], store: EmbeddedStore) -> list[str]:
    """Drop the graphs of the letters a fetch cache among ``paths`` lists as withdrawn at
    the source (see :mod:`jbzgraph.fetch.manifest`); the file names of those the store held."""
    held = None
    removed = []
    for source in (s for p in paths for s in withdrawn_sources(p)):
        held = set(store.graphs()) if held is None else held
        if letter_graph(source) in held:
            store.remove_graph(letter_graph(source))
            removed.append(source)
    return removed


def build(paths: list[Path | str], store: EmbeddedStore, kb: KnowledgeBase | None = None,
          validate: bool = True, jobs: int = 1,
          progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Add or replace each letter's graph; a bad letter is reported and skipped.

    With ``validate`` a letter's graph is checked against the SHACL shapes before it is
    written, so a graph that breaks them never enters the store. ``jobs`` worker
    processes prepare letters in parallel. A fetch cache among ``paths`` also removes the
    graphs of its withdrawn letters. ``progress(done, total)`` is told of every letter.
    """
    kb = kb or load_kb()
    report = BuildReport(removed=remove_withdrawn(paths, store))
    letters: list[Path] = []
    for p in paths:
        try:
            letters.extend(find_letters([p]))
        except InputError as exc:
            report.failed.append(exc)
    if letters:
        load_vocabulary(store)
    if progress:
        progress(0, len(letters))
    for done, outcome in enumerate(_prepared(letters, validate, jobs, kb), 1):
        if isinstance(outcome, JbzError):
            report.failed.append(outcome)
        else:
            try:
                store.load_graph(outcome.letter.graph, outcome.ntriples)
                report.built.append(outcome.letter)
            except JbzError as exc:
                report.failed.append(exc)
        if progress:
            progress(done, len(letters))
    store.finish()
    return report
