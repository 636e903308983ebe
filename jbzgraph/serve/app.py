"""The web application: its settings, its routes, and the worker pool it owns."""

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from jbzgraph.namespace import JBZID
from jbzgraph.serve import pages, resources
from jbzgraph.serve.pool import Pool
from jbzgraph.serve.sparql import LIMIT_HEADER, ROWS_HEADER, library, sparql

DEFAULT_BASE = str(JBZID).removesuffix("id/")
STATIC_DIR = Path(__file__).parent / "static"


@dataclass(frozen=True)
class Settings:
    """How ``jbzgraph serve`` was started."""

    store: Path
    base: str = DEFAULT_BASE  # a resource {base}id/... is served at /id/...
    allow_update: bool = False
    timeout: float = 10.0  # seconds a query may run (and a request may wait for a worker)
    limit: int = 10_000  # rows (or triples) a response holds at most
    workers: int = 2
    letters: tuple[Path, ...] = field(default_factory=tuple)  # folders holding the letter files, for their text


def create_app(settings: Settings) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.pool = Pool(str(settings.store), settings.workers, writer=settings.allow_update)
        try:
            yield
        finally:
            app.state.pool.close()

    routes = [
        Route("/", pages.query_page),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/library/{name}", library, methods=["GET", "POST"]),
        Route("/id/{path:path}", resources.resource),
        Route("/resource", resources.resource),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                      allow_headers=["Accept", "Content-Type"], expose_headers=[LIMIT_HEADER, ROWS_HEADER])
    app = Starlette(routes=routes, middleware=[cors], lifespan=lifespan)
    app.state.settings = settings
    return app
