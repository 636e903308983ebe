"""``jbzgraph serve``: the store over HTTP — a SPARQL 1.1 Protocol endpoint, every IRI under
the base dereferenceable (HTML, Turtle, JSON-LD, N-Triples) and a query page.

Kept free of imports: the query workers (:mod:`jbzgraph.serve.worker`) start by importing
this package, and should load no more than pyoxigraph.
"""
