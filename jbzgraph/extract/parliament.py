"""The letter's dealings with the House: questions and answers, motions, commitments.

Written consultations alternate a group's questions with the government's answers; the
layout marks those paragraphs. Motions are cited by their submitters ("motie Ram",
"motie Eerdmans/Van Hijum") and often a Kamerstuk number in the same sentence or its
footnote; "toezegging" sentences are promises the letter reports on. Both are
"afgedaan" when the letter says so.
"""

import re

from jbzgraph.extract.evidence import span
from jbzgraph.extract.instruments import InstrumentContext
from jbzgraph.extract.model import Answer, Commitment, Instrument, Motion, Question
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis
from jbzgraph.nlp.persons import MOTION_RE, split_names

GROUP_RE = re.compile(r"\b[Ll]eden van de (?P<group>[A-Z][\w/]*(?:-[A-Z][\w/]*)*)-fractie\b")
DONE_RE = re.compile(r"\bals afgedaan\b|\bhiermee (?:is )?(?:voldaan|invulling gegeven)\b|"
                     r"\bdaarmee (?:is )?(?:voldaan|invulling gegeven)\b", re.IGNORECASE)
BODY_KINDS = {"body", "bullet", "answer"}  # where the government reports; not the questions it answers
PROMISE_RE = re.compile(r"\btoezegging(?:en)?\b", re.IGNORECASE)
FULFIL_RE = re.compile(r"\b(?:[Cc]onform|[Ii]n navolging van|[Ii]n lijn met|[Zz]oals toegezegd)\b")


def _about(context: InstrumentContext, start: int, end: int) -> tuple[Instrument, ...]:
    seen, found = set(), []
    for m in context.in_span(start, end):
        if m.iri not in seen:
            seen.add(m.iri)
            found.append(context.instrument(m.iri))
    return tuple(found)


def questions_and_answers(document: Document, context: InstrumentContext) -> tuple[list[Question], list[Answer]]:
    """Each question paragraph with the group asking it; each answer with the question it follows."""
    text = document.text
    questions: list[Question] = []
    answers: list[Answer] = []
    group = ""
    for p in document.paragraphs:
        if p.kind == "question":
            found = GROUP_RE.search(text, p.start, p.end)
            heading = document.sections[p.section].heading if 0 <= p.section < len(document.sections) else None
            in_heading = GROUP_RE.search(heading) if heading and not found else None
            if found or in_heading:
                group = (found or in_heading)["group"]
            how = "+group_in_question" if found else "+group_in_heading" if in_heading else "+group_carried"
            questions.append(Question(group, _about(context, p.start, p.end), span(text, p.start, p.end),
                                      "question_paragraph" + how))
        elif p.kind == "answer" and questions:
            answers.append(Answer(len(questions) - 1, _about(context, p.start, p.end), span(text, p.start, p.end),
                                  "answer_after_question"))
    return questions, answers


def _motions_in(document: Document, start: int, end: int, analysis: Analysis) -> list[Motion]:
    """Motions named in a sentence, with the motion number cited there or in its footnote."""
    text = document.text
    notes = [(f.start, f.end) for f in document.footnotes if start <= f.anchor < end]
    numbers = [r.ref for r in analysis.references
               if (r.kind == "motion" and start <= r.start < end)
               or (r.kind in ("motion", "kamerstuk") and any(a <= r.start < b for a, b in notes))]
    named = [tuple(split_names(m["names"])) for m in MOTION_RE.finditer(text, start, end)]
    if not named:
        return [Motion((), n) for n in numbers]
    return [Motion(names, numbers[i] if i < len(numbers) and len(named) == len(numbers) else
                   (numbers[0] if len(numbers) == 1 and len(named) == 1 else None))
            for i, names in enumerate(named)]


def commitments(document: Document, analysis: Analysis, context: InstrumentContext) -> list[Commitment]:
    """Sentences that report on a toezegging or on how a motion was handled."""
    text = document.text
    found: list[Commitment] = []
    for s_start, s_end in analysis.sentences:
        paragraph = document.paragraph_at(s_start)
        if paragraph is None or paragraph.kind not in BODY_KINDS:
            continue
        sentence = text[s_start:s_end]
        motions = _motions_in(document, s_start, s_end, analysis) if re.search(r"\bmotie", sentence, re.I) else []
        done = bool(DONE_RE.search(sentence))
        about = _about(context, s_start, s_end)
        for motion in motions:
            rule = "motion_named" + ("+done" if done else "")
            found.append(Commitment("motie", motion, done, about, span(text, s_start, s_end), rule,
                                    0.85 if done else 0.7))
        if PROMISE_RE.search(sentence) and not motions:
            fulfilled = done or bool(FULFIL_RE.search(sentence))
            rule = "promise_sentence" + ("+fulfilled" if fulfilled else "")
            found.append(Commitment("toezegging", None, fulfilled, about, span(text, s_start, s_end), rule,
                                    0.8 if fulfilled else 0.6))
    return found
