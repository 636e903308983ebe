"""Written consultations, motions and commitments, and the letter's consistency warnings."""

from tests.helpers import extract_passage, processed


def test_consultation_questions_carry_their_group_and_answers_their_question():
    x = processed("2025-10_verslag-schriftelijk-overleg.txt").extraction
    assert len(x.questions) >= 20 and len(x.answers) >= 20
    groups = {q.group for q in x.questions}
    assert {"GroenLinks-PvdA", "NSC"} <= groups
    for a in x.answers:
        assert 0 <= a.question < len(x.questions)
        assert a.evidence.start > x.questions[a.question].evidence.start


def test_motion_handled_as_done_with_its_number_from_the_footnote():
    x = processed("2025-11-24_geannoteerde-agenda.txt").extraction
    (c,) = [c for c in x.commitments if c.motion and "Eerdmans" in c.motion.names]
    assert c.motion.names == ("Eerdmans", "Van Hijum") and c.motion.number == "21501-20-2306"
    assert c.fulfilled and c.kind == "motie"


def test_promise_considered_done(tmp_path):
    body = ("Pilot\nUw Kamer wordt geïnformeerd bij nieuwe ontwikkelingen en het kabinet beschouwt hiermee de "
            "toezegging aan lid-Van Toorenburg om uw Kamer te informeren over de voortgang als afgedaan.")
    x, _ = extract_passage(tmp_path, body)
    (c,) = x.commitments
    assert c.kind == "toezegging" and c.fulfilled and c.motion is None


def test_agenda_announcing_a_meeting_before_its_own_date_is_flagged_and_corrected():
    x = processed("2025-11-24_geannoteerde-agenda.txt").extraction
    codes = [w.code for w in x.warnings]
    assert codes == ["meeting_date_implausible", "conflicting_meeting_dates"]
    assert "13-14 oktober a.s." in x.warnings[0].evidence.quote
    m = x.letter.meeting
    assert (m.first.isoformat(), m.last.isoformat()) == ("2025-12-08", "2025-12-09")
