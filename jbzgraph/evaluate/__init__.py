"""Scores against hand-made gold answers (see :mod:`jbzgraph.evaluate.score`)."""

from jbzgraph.evaluate.run import evaluate_against_gold, render

__all__ = ["evaluate_against_gold", "render"]
