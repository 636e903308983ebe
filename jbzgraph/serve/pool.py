"""The server's query workers: processes it hands jobs to and kills when a job overruns.

pyoxigraph has no way to cancel a query, and a thread cannot be stopped, so the timeout is
enforced on a process: a job that has not answered within ``timeout`` seconds has its
worker killed (SIGKILL) and replaced, and the client gets a 503. This bounds both the
response time and the work: a killed query uses no more CPU or memory. What it does not
bound: the time a request waits for a free worker (also cut at ``timeout``, then 503
"busy"), and an update killed mid-way is simply not committed (RocksDB writes a
transaction at once or not at all).
"""

import json
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection


class Overrun(Exception):
    """A job outlived the timeout; its worker was killed."""


class Busy(Exception):
    """No worker became free within the timeout."""


@dataclass
class Answer:
    head: dict
    body: bytes

    @property
    def status(self) -> int:
        return self.head["status"]


class Worker:
    """One worker process and its two pipes."""

    def __init__(self, store: str, writable: bool):
        job_read, job_write = os.pipe()
        answer_read, answer_write = os.pipe()
        command = [sys.executable, "-m", "jbzgraph.serve.worker", "--store", store,
                   "--jobs-fd", str(job_read), "--answers-fd", str(answer_write)]
        self.process = subprocess.Popen(command + (["--writable"] if writable else []),
                                        pass_fds=(job_read, answer_write), stdin=subprocess.DEVNULL)
        os.close(job_read)
        os.close(answer_write)
        self.jobs = Connection(job_write, readable=False)
        self.answers = Connection(answer_read, writable=False)

    def ready(self, timeout: float) -> None:
        """Wait for the worker to have opened the store; raise RuntimeError if it could not."""
        if not self.answers.poll(timeout):
            self.kill()
            raise RuntimeError(f"a query worker did not start within {timeout:.0f} s")
        head = json.loads(self.answers.recv_bytes())
        if head["status"] != 200:
            self.kill()
            raise RuntimeError(head["message"])

    def run(self, job: dict, timeout: float) -> Answer:
        self.jobs.send_bytes(json.dumps(job).encode())
        if not self.answers.poll(timeout):
            raise Overrun()
        head = json.loads(self.answers.recv_bytes())
        return Answer(head, self.answers.recv_bytes())

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self.jobs.close()
        self.answers.close()


class Pool:
    """``size`` reader workers, and one writer when updates are allowed."""

    def __init__(self, store: str, size: int, writer: bool = False, start_timeout: float = 30.0):
        self.store = store
        self.start_timeout = start_timeout
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.writers: queue.Queue[Worker] = queue.Queue()
        self.size = size
        # The writer first, and ready before any reader starts: it holds the store's lock, and
        # opening it replays the log and removes files a reader opening at once would miss.
        if writer:
            first = Worker(store, True)
            first.ready(start_timeout)
            self.writers.put(first)
        readers = [Worker(store, False) for _ in range(size)]
        for worker in readers:
            worker.ready(start_timeout)
            self.idle.put(worker)
        self.closed = False

    def run(self, job: dict, timeout: float) -> Answer:
        """Run ``job`` on a free worker; raise Busy or Overrun past ``timeout`` seconds."""
        line = self.writers if job["op"] == "update" else self.idle
        try:
            worker = line.get(timeout=timeout)
        except queue.Empty:
            raise Busy() from None
        try:
            answer = worker.run(job, timeout)
        except Overrun:
            self._retire(worker, line, job)
            raise
        except (EOFError, OSError):
            self._retire(worker, line, job)
            raise RuntimeError("the query worker died; it has been restarted") from None
        line.put(worker)
        return answer

    def _retire(self, worker: Worker, line: queue.Queue, job: dict) -> None:
        """Kill the worker and start its replacement in the background."""
        worker.kill()
        threading.Thread(target=self._replace, args=(line, job["op"] == "update"), daemon=True).start()

    def _replace(self, line: queue.Queue, writable: bool) -> None:
        if self.closed:
            return
        worker = Worker(self.store, writable)
        worker.ready(self.start_timeout)
        line.put(worker)

    def close(self) -> None:
        self.closed = True
        for line in (self.idle, self.writers):
            while not line.empty():
                line.get_nowait().kill()
