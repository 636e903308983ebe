"""Step 1: read a letter file into text (see :mod:`jbzgraph.ingest.read`)."""

from jbzgraph.ingest.read import Letter, find_letters, read_letter

__all__ = ["Letter", "find_letters", "read_letter"]
