"""Where the project's vocabulary and query files live.

They sit beside the package (``ontology/``, ``queries/``) so that they stay plain files a
reader can open; the package finds them relative to itself.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "jbz.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
KB_DIR = ONTOLOGY_DIR / "kb"
QUERIES_DIR = ROOT / "queries"
DATA_DIR = ROOT / "data"
