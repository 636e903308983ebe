"""HTML pages from the templates in ``templates/`` (Jinja2, every value escaped), and the
helpers they share: where an IRI's page is, and how a term is shown."""

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from jbzgraph.export import prefixes
from jbzgraph.query import list_queries, load_query, parameters
from jbzgraph.serve.sparql import LIMIT_HEADER

TEMPLATES = Path(__file__).parent / "templates"


def local_url(iri: str, base: str) -> str:
    """Where this server shows an IRI: ``/id/...`` for one under the base, else ``/resource?iri=``."""
    if iri.startswith(f"{base}id/"):
        return "/id/" + quote(iri[len(base) + 3:], safe="/-._~:@!$&'()*+,;=")
    return "/resource?iri=" + quote(iri, safe="")


@lru_cache(maxsize=1)
def _prefixes() -> list[tuple[str, str]]:
    return sorted(prefixes().items(), key=lambda kv: -len(kv[1]))


def short(iri: str) -> str:
    """An IRI as a prefixed name where the project's context has a prefix for it."""
    for prefix, namespace in _prefixes():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["short"] = short
    return env


def render(name: str, status: int = 200, headers: dict | None = None, **values) -> HTMLResponse:
    return HTMLResponse(environment().get_template(name).render(**values), status_code=status, headers=headers)


@lru_cache(maxsize=1)
def examples() -> list[dict]:
    """The query library as the page offers it: name, title, text, parameters."""
    found = []
    for name in list_queries():
        text = load_query(name)
        title = text.splitlines()[0].lstrip("# ").strip() if text.startswith("#") else name
        declared = [{"name": p.name, "kind": p.kind} for p in parameters(text)]
        found.append({"name": name, "title": title, "text": text, "parameters": declared})
    return found


async def query_page(request: Request):
    """``/``: the SPARQL editor, the library as one-click examples, results as a table."""
    settings = request.app.state.settings
    return render("query.html", examples=examples(), limit=settings.limit, timeout=settings.timeout,
                  base=settings.base, limit_header=LIMIT_HEADER)
