"""Written consultations (verslag schriftelijk overleg): which paragraphs ask, which answer.

Members' questions come first, then a bare "Antwoord" line, then the government's answer,
until the next question. A paragraph after an answer starts a new question when it ends
in "?" or opens with the members speaking ("De leden van de VVD-fractie ..."); everything
before an "Antwoord" line back to the previous heading or answer is question.
"""

import re

from jbzgraph.layout.clean import Line
from jbzgraph.layout.lines import Para, join_lines

LABEL_RE = re.compile(
    r"^(?:Antwoord|Reactie|Beantwoording)(?: (?:van|door) (?:de|het) [\w -]{2,60}?)?\s*:?$", re.IGNORECASE
)
MEMBERS_RE = re.compile(
    r"^(?:\S+\s+){0,5}?(?:de\s+)?(?:leden van de\s+[\w-]+(?:-fractie|fractie)|aan het woord zijnde leden)\b"
    r"|^(?:Deze|Die|Zij) leden\b|^De leden\b",
    re.IGNORECASE,
)
MIN_LABELS = 2
BARRIERS = ("heading", "header", "signature")


def mark_labels(lines: list[Line]) -> None:
    """Give bare answer labels role "label" when the letter has enough of them to be a consultation."""
    found = [line for line in lines if line.role == "text" and LABEL_RE.match(line.text)]
    if len(found) >= MIN_LABELS:
        for line in found:
            line.role = "label"


def _asks(text: str) -> bool:
    """A question paragraph: it ends in "?" or the members are the ones speaking."""
    return text.rstrip(" \"'’”)]").endswith("?") or bool(MEMBERS_RE.match(text))


def mark_questions(paras: list[Para]) -> None:
    """Turn body paragraphs into "question" / "answer" around the answer labels."""
    if sum(1 for p in paras if p.kind == "label") < MIN_LABELS:
        return
    label_ahead = [False] * len(paras)
    ahead = False
    for i in range(len(paras) - 1, -1, -1):
        label_ahead[i] = ahead
        if paras[i].kind == "label":
            ahead = True
        elif paras[i].kind in BARRIERS:
            ahead = False
    state: str | None = None
    for i, para in enumerate(paras):
        if para.kind == "label":
            state = "answer"
            continue
        if para.kind in BARRIERS:
            state = None
            continue
        if para.kind not in ("body", "bullet"):
            continue
        text = join_lines(para.lines)
        if state == "answer" and _asks(text) and label_ahead[i]:
            state = "question"
        elif state is None and (label_ahead[i] or MEMBERS_RE.match(text)):
            state = "question"
        if state == "question":
            para.kind = "question"
        elif state == "answer" and para.kind == "body":
            para.kind = "answer"
