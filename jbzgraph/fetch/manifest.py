"""The cache folder's manifest: what a build needs to know about a fetched dossier.

It lists the documents in the folder and, under ``withdrawn``, the file names of letters
that were deleted or withdrawn at the source (or replaced by a better copy under another
name). ``jbzgraph build FOLDER`` removes the graphs of those letters from the store: a
letter's graph is keyed by its file name, which is what the manifest records. Kept free of
network code, so the build can read it without loading the fetch step.
"""

import json
import os
import tempfile
from pathlib import Path

MANIFEST = "manifest.json"
SIDECAR = ".json"  # kst-32317-964.xml -> kst-32317-964.xml.json
FORMAT = 1


def sidecar_path(file: Path) -> Path:
    return file.with_name(file.name + SIDECAR)


def read_manifest(folder: Path | str) -> dict:
    """The manifest of a cache folder; an empty one where there is none (or it is damaged:
    the sidecars beside each file are the record it is rebuilt from)."""
    path = Path(folder) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": FORMAT}
    return data if isinstance(data, dict) else {"format": FORMAT}


def write_json(path: Path, data: dict) -> None:
    """Write JSON whole or not at all: a temporary file beside it, then a rename."""
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".part", delete=False)
    try:
        with handle:
            json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def withdrawn_sources(folder: Path | str) -> list[str]:
    """File names of the letters whose graphs must leave the store: withdrawn at the
    source and no longer in the folder. Empty for a folder that is no fetch cache."""
    folder = Path(folder)
    if not folder.is_dir() or not (folder / MANIFEST).is_file():
        return []
    withdrawn = read_manifest(folder).get("withdrawn") or {}
    return sorted(name for name in withdrawn if not (folder / name).exists())
