"""jbzgraph: Dutch letters to parliament about the JHA Council, as a knowledge graph."""

import os

# The tagger's matrix products run on numpy's OpenBLAS (jbzgraph.nlp.tokens). One thread
# each: a build runs one process per core, and two BLAS threads per process then fight
# over the same cores (bench/run.py measured the two-process speed-up fall from 1.6 to 1.3).
# Set before numpy loads; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
