"""User-facing errors, one class with a code each, so a message can be searched for."""

from pathlib import Path


class JbzError(Exception):
    """An error the CLI reports as one line and a non-zero exit."""

    code = "E000"

    def __init__(self, path: Path | str | None, problem: str):
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(str(self))

    def __reduce__(self):
        # Rebuilt from (path, problem), so errors cross process boundaries (parallel builds).
        return (self.__class__, (self.path, self.problem))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.problem}"


class InputError(JbzError):
    """A letter file that cannot be read as a letter."""

    code = "E001"


class StoreError(JbzError):
    """The store cannot be opened or written."""

    code = "E002"


class QueryError(JbzError):
    """A named query is unknown or fails."""

    code = "E003"


class GoldError(JbzError):
    """A gold file is missing or malformed."""

    code = "E004"


class ValidationError(JbzError):
    """A built graph breaks the SHACL shapes or an invariant."""

    code = "E005"


class FetchError(JbzError):
    """A document service cannot be reached, answers in an unexpected form, or a download
    fails its checks."""

    code = "E006"
