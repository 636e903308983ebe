"""A throw-away Virtuoso Open Source server on loopback ports, for the integration tests.

Started from a copy of Debian's ``virtuoso.ini`` with its own database folder, its ports
bound to 127.0.0.1, and the defaults that bite changed (result rows capped at 10,000,
queries cut at 60 s). A fresh database has the account ``dba``/``dba``.
"""

import configparser
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
SERVER = "virtuoso-t"
ISQL = "isql-vt"
USER = PASSWORD = "dba"


def available() -> bool:
    return shutil.which(SERVER) is not None and SYSTEM_INI.is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    folder: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def write_ini(self) -> Path:
        ini = configparser.RawConfigParser(strict=False, interpolation=None, inline_comment_prefixes=(";",))
        ini.optionxform = str
        ini.read(SYSTEM_INI)
        db = self.folder / "db"
        db.mkdir(parents=True, exist_ok=True)
        for section, name in (("Database", "virtuoso"), ("TempDatabase", "virtuoso-temp")):
            ini[section]["DatabaseFile"] = str(db / f"{name}.db")
            ini[section]["TransactionFile"] = str(db / f"{name}.trx")
        ini["Database"]["ErrorLogFile"] = str(db / "virtuoso.log")
        ini["Database"]["xa_persistent_file"] = str(db / "virtuoso.pxa")
        ini["Parameters"]["ServerPort"] = f"127.0.0.1:{self.sql_port}"
        ini["Parameters"]["DirsAllowed"] = f"., {self.folder}"
        ini["HTTPServer"]["ServerPort"] = f"127.0.0.1:{self.http_port}"
        ini["SPARQL"]["ResultSetMaxRows"] = "1000000"
        ini["SPARQL"]["MaxQueryExecutionTime"] = "600"
        path = self.folder / "virtuoso.ini"
        with open(path, "w") as f:
            ini.write(f)
        return path

    def start(self, timeout: float = 60) -> None:
        ini = self.write_ini()
        log = open(self.folder / "server.out", "w")
        self.process = subprocess.Popen([SERVER, "+configfile", str(ini), "+foreground"], cwd=self.folder,
                                        stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso exited: {(self.folder / 'server.out').read_text()[-2000:]}")
            try:
                query = urllib.request.quote("ASK { ?s ?p ?o }")
                with urllib.request.urlopen(f"{self.endpoint}?query={query}", timeout=2):
                    pass
                self._grant_update()
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("virtuoso did not come up in time")

    def _grant_update(self) -> None:
        """The Graph Store endpoint needs the account to hold SPARQL_UPDATE (dba does)."""
        subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", USER, PASSWORD,
                        "exec=grant SPARQL_UPDATE to \"dba\";"], capture_output=True, timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", USER, PASSWORD, "exec=shutdown;"],
                           capture_output=True, timeout=30)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start(folder: Path) -> Virtuoso:
    server = Virtuoso(folder, _free_port(), _free_port())
    server.start()
    return server
