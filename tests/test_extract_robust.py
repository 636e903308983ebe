"""No sentence crashes an extractor, and every statement's quote is its span of the text."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jbzgraph.extract import extract
from jbzgraph.ingest.read import Letter
from jbzgraph.kb import load_kb
from jbzgraph.layout import parse_layout
from jbzgraph.nlp import analyse
from tests.helpers import extract_passage

# Words of the genre, so that generated sentences reach the rules, not only the tokenizer.
WORDS = [
    "Het", "kabinet", "Nederland", "Duitsland", "België", "een", "aantal", "lidstaten", "de", "Commissie",
    "JBZ-Raad", "Coreper", "RAZ", "steunt", "verwelkomt", "is", "kritisch", "over", "wijst", "af", "niet",
    "onthoudt", "zich", "neemt", "kennis", "van", "heeft", "ingestemd", "met", "het", "voorstel", "EBSP",
    "AMMR", "Terugkeerverordening", "algemene", "oriëntatie", "onderhandelingsmandaat", "vastgesteld",
    "aangenomen", "treedt", "in", "werking", "op", "11", "december", "jl.", "a.s.", "2025", "(hierna:", "X)",
    "samen", "Italië", "Spanje", "en", ",", ".", "motie", "Ram", "toezegging", "afgedaan", "als",
    "Deze", "aanpassingen", "conclusies", "Raadsconclusies", "2026-2029", "tot", "Net", "Unieplan",
]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
KB = load_kb()


def _letter(text: str) -> Letter:
    return Letter(Path("generated.txt"), "generated.txt", text, "0" * 64, "utf-8")


def _check(x, text: str) -> None:
    for group in (x.positions, x.events, x.memberships, x.mentions, x.citations, x.commitments, x.questions):
        for statement in group:
            ev = statement.evidence
            assert text[ev.start:ev.end] == ev.quote


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SENTENCE, min_size=1, max_size=6), st.text(max_size=80))
def test_extractors_never_crash_on_sentences_of_the_genre(sentences, noise):
    raw = "Onderwerp\n\n" + ". ".join(sentences) + ".\n\n" + noise
    document = parse_layout(_letter(raw))
    x = extract(document, analyse(document, kb=KB), KB)
    _check(x, document.text)


def test_hierna_alias_that_is_a_name_itself_makes_one_instrument(tmp_path):
    body = ("Milieu\nOp 4 maart 2024 is een akkoord bereikt over een nieuwe richtlijn inzake de strafrechtelijke "
            "bescherming van het milieu (hierna: Milieucriminaliteitsrichtlijn). Het kabinet steunt de "
            "Milieucriminaliteitsrichtlijn.")
    x, _ = extract_passage(tmp_path, body)
    (e,) = x.events
    (p,) = x.positions
    # "Milieucriminaliteitsrichtlijn" is a name of its own, the one later letters use: its name gives the
    # key (compound parts in a fixed order), and the long name is kept as its alias
    assert e.target.key == p.target.key == "richtlijn-milieucriminaliteit" and e.target.label == "Milieucriminaliteitsrichtlijn"
    assert any(a.startswith("richtlijn inzake de strafrechtelijke") for a in e.target.aliases)


def test_hierna_alias_teaches_the_letter_a_name(tmp_path):
    body = ("Hervestiging\nDe Commissie presenteerde op 4 juli 2025 een voorstel voor een Unieplan voor hervestiging "
            "en humanitaire toelating 2026-2027 (hierna: het Unieplan). Het kabinet steunt het Unieplan.")
    x, _ = extract_passage(tmp_path, body)
    (p,) = x.positions
    # "een voorstel voor een X" stands for X
    assert p.target.iri == "" and p.target.label.startswith("Unieplan voor hervestiging")
    assert "Unieplan" in p.target.aliases
    (e,) = x.events
    assert e.stage == "proposal" and e.target.key == p.target.key


def test_the_addressee_is_a_mention_of_the_chamber(tmp_path):
    x, _ = extract_passage(tmp_path, "32 317 JBZ-Raad\n\nNr. 750 BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID\n\n"
                                     "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 8 maart 2022\n\n"
                                     "Hierbij informeer ik u over de bespreking in de Raad van de terugkeerverordening.")
    chamber = [m for m in x.mentions if m.kind == "organisation" and KB.entities[m.iri].key == "TWEEDE_KAMER"]
    assert [m.evidence.quote for m in chamber] == ["Tweede Kamer der Staten-Generaal"]


def test_hierna_alias_after_a_title_with_a_clause_names_the_title(tmp_path):
    body = ("Asiel\nDe Raad bespreekt de Verordening tot vaststelling van de criteria en instrumenten om te bepalen "
            "welke lidstaat verantwoordelijk is voor de behandeling van een asielverzoek (hierna: de "
            "Opvangverordening). Nederland zal zich van stemming onthouden. Het kabinet steunt de Opvangverordening.")
    x, _ = extract_passage(tmp_path, body)
    # the title ends before "om te bepalen …", but the bracket still defines its name
    assert {(p.stance, p.target.key) for p in x.positions} == {("abstain", "verordening-opvang"), ("support", "verordening-opvang")}
    (p, _) = x.positions
    assert any(a.startswith("Verordening tot vaststelling van de criteria") for a in p.target.aliases)


def test_a_compromise_with_nothing_of_its_kind_before_is_the_text_at_hand(tmp_path):
    x, _ = extract_passage(tmp_path, "PNR-richtlijn\nHet voorzitterschap presenteerde de stand van zaken. "
                                     "Nederland steunt het compromis.")
    (p,) = x.positions
    assert (p.target.label, p.rule) == ("PNR-richtlijn", "stance_support+target_short_mention_section_instrument")


def test_a_signature_after_a_list_of_fiches_is_read(tmp_path):
    x, _ = extract_passage(tmp_path, "Overeenkomstig de bestaande afspraken ontvangt u hierbij 2 fiches.\n"
                                     "Fiche: Voorstel tot wijziging Europolverordening\n"
                                     "Fiche: Mededeling EU-strategie voor offshore energie (Kamerstuk 22 112, nr. 3012)\n"
                                     "De Minister van Buitenlandse Zaken,\nS.A. Blok\n"
                                     "Fiche: Voorstel tot wijziging Europolverordening\n1. Algemene gegevens")
    assert [(s.name, s.role) for s in x.signatories] == [("S.A. Blok", "Minister van Buitenlandse Zaken")]
