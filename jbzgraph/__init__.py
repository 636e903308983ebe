"""jbzgraph: Dutch letters to parliament about the JHA Council, as a knowledge graph."""

__version__ = "0.1.0"
