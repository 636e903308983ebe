"""After the store: is the ontology consistent, is every letter graph valid, do the invariants hold."""

from dataclasses import dataclass, field

from jbzgraph.namespace import GRAPH
from jbzgraph.store.embedded import EmbeddedStore
from jbzgraph.validate.checks import failing_checks
from jbzgraph.validate.shacl import Violation, check_quads

LETTER_GRAPHS = f"{GRAPH}letter/"


@dataclass
class ValidationReport:
    reasoner_ran: bool = False
    consistent: bool = True
    inconsistent_classes: list[str] = field(default_factory=list)
    inferred_count: int = 0
    graphs: int = 0
    violations: dict[str, list[Violation]] = field(default_factory=dict)
    failing_checks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.consistent and not self.violations and not self.failing_checks

    def lines(self, per_graph: int = 5) -> list[str]:
        out = []
        if self.reasoner_ran:
            state = "consistent" if self.consistent else "INCONSISTENT"
            out.append(f"reasoner: ontology + KB {state}; {self.inferred_count} individuals with inferred classes")
            out += [f"  unsatisfiable class: {c}" for c in self.inconsistent_classes]
        bad = sum(len(v) for v in self.violations.values())
        out.append(f"shacl: {self.graphs} letter graphs, {bad} violations")
        for graph, found in sorted(self.violations.items()):
            out += [f"  {graph}: {v}" for v in found[:per_graph]]
            if len(found) > per_graph:
                out.append(f"  {graph}: ... and {len(found) - per_graph} more")
        out.append(f"checks: {len(self.failing_checks)} failing" + (
            f" ({', '.join(self.failing_checks)})" if self.failing_checks else ""))
        out.append("valid" if self.ok else "NOT valid")
        return out


def validate_store(store: EmbeddedStore, reasoner: bool = True) -> ValidationReport:
    report = ValidationReport()
    if reasoner:
        from jbzgraph.validate.reasoner import check

        result = check()
        report.reasoner_ran = True
        report.consistent = result.consistent
        report.inconsistent_classes = result.inconsistent_classes
        report.inferred_count = len(result.inferred)
    for graph in store.graphs():
        if not graph.startswith(LETTER_GRAPHS):
            continue
        report.graphs += 1
        found = check_quads(store.graph_quads(graph))
        if found:
            report.violations[graph] = found
    report.failing_checks = failing_checks(store)
    return report
