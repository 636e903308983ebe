"""Step 0: fetch a Kamerstuk dossier's documents into a local cache that ``build`` reads.

Listed from the Tweede Kamer open-data API (:mod:`~jbzgraph.fetch.tweedekamer`) and
officielebekendmakingen (:mod:`~jbzgraph.fetch.sru`), downloaded politely
(:mod:`~jbzgraph.fetch.http`), kept with their metadata (:mod:`~jbzgraph.fetch.cache`,
:mod:`~jbzgraph.fetch.manifest`), brought up to date by :func:`jbzgraph.fetch.sync.fetch`.
The package imports nothing itself, so a build can read a cache's manifest without the
network code.
"""
