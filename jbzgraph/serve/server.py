"""Running the application under uvicorn: in the foreground (the CLI) or on a thread
(tests and the benchmark, which need the port it bound)."""

import threading
import time

import uvicorn

from jbzgraph.errors import StoreError
from jbzgraph.serve.app import Settings, create_app


def check_store(settings: Settings) -> None:
    if not (settings.store / "CURRENT").is_file():
        raise StoreError(settings.store, "no store here; run `jbzgraph build ... --store DIR` first")


def serve(settings: Settings, host: str, port: int, log_level: str = "info") -> None:
    check_store(settings)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)


class Background:
    """The server on a daemon thread; ``url`` once it listens, ``stop()`` to end it."""

    def __init__(self, settings: Settings, host: str = "127.0.0.1", port: int = 0):
        check_store(settings)
        config = uvicorn.Config(create_app(settings), host=host, port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        bound = self.server.servers[0].sockets[0].getsockname()
        self.url = f"http://{bound[0]}:{bound[1]}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
