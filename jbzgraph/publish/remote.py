"""A SPARQL endpoint that answers the same ``queries/*.rq`` as the embedded store.

Through SPARQLWrapper, JSON results; rows come back as the same plain strings the
embedded store gives (``term_text``), so a query's output does not depend on where it ran.
"""

from dataclasses import dataclass

from SPARQLWrapper import ASK, JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from jbzgraph.errors import StoreError


@dataclass
class RemoteTerm:
    """What a JSON result binding holds, shaped like a pyoxigraph term for ``term_text``."""

    value: str


XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _lexical(binding: dict) -> str:
    """The canonical lexical form: Virtuoso answers booleans as 0/1."""
    value = binding["value"]
    if binding.get("datatype") == XSD_BOOLEAN and value in ("0", "1"):
        return "true" if value == "1" else "false"
    return value


class RemoteStore:
    def __init__(self, endpoint: str, timeout: int = 60):
        self.endpoint = endpoint
        self.timeout = timeout

    def _wrapper(self, sparql: str, form: str) -> SPARQLWrapper:
        w = SPARQLWrapper(self.endpoint)
        w.setQuery(sparql)
        # SPARQLWrapper guesses the form by regex and took a comment's "described" for DESCRIBE.
        w.queryType = form
        w.setMethod(POST)
        w.setReturnFormat(JSON)
        w.setTimeout(self.timeout)
        return w

    def _run(self, sparql: str, form: str) -> dict:
        try:
            return self._wrapper(sparql, form).queryAndConvert()
        except (SPARQLWrapperException, OSError) as exc:
            raise StoreError(self.endpoint, f"SPARQL endpoint failed: {str(exc).splitlines()[0]}") from None

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, RemoteTerm | None]]]:
        result = self._run(sparql, SELECT)
        columns = result["head"]["vars"]
        rows = [{c: RemoteTerm(_lexical(b[c])) if c in b else None for c in columns}
                for b in result["results"]["bindings"]]
        return columns, rows

    def ask(self, sparql: str) -> bool:
        return bool(self._run(sparql, ASK)["boolean"])
