"""Layout step: furniture, footnotes, line rejoining, headings, signatures, Q&A — on the real letters and on generated text."""

import time
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jbzgraph.ingest.read import Letter, read_letter
from jbzgraph.layout import parse_layout
from jbzgraph.layout.lines import join_lines
from jbzgraph.layout.model import Document

LETTERS = Path(__file__).parent.parent / "data" / "letters"
DEC = "2025-12-17_verslag-jbz-raad.txt"
NOV = "2025-11-24_geannoteerde-agenda.txt"
KST = "2025-06-23_kamerstuk-32317-964.txt"
SO = "2025-10_verslag-schriftelijk-overleg.txt"
MAR = "2026_geannoteerde-agenda-maart.txt"
ALL = [DEC, NOV, KST, SO, MAR]
SIDE_COLUMN = "Datum\n17 december 2025\nOnze referentie\n1234567\nPagina 2 van 9"


@lru_cache(maxsize=None)
def doc(name: str) -> Document:
    return parse_layout(read_letter(LETTERS / name))


def letter_of(raw: str, name: str = "generated.txt") -> Letter:
    return Letter(path=Path(name), source=name, raw=raw, sha256="0" * 64, encoding="utf-8")


def para_texts(d: Document, kind: str | None = None) -> list[str]:
    return [d.text[p.start:p.end] for p in d.paragraphs if kind is None or p.kind == kind]


def headings(d: Document) -> list[str]:
    return [s.heading for s in d.sections if s.heading]


def footnote(d: Document, number: int):
    (found,) = [f for f in d.footnotes if f.number == number]
    return found


def check_invariants(d: Document) -> None:
    """Offsets valid, paragraphs ordered and one-line, sections in order, footnotes last."""
    text = d.text
    assert "\r" not in text and "[footnoteRef" not in text
    prev_end = 0
    for p in d.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
        assert p.start >= prev_end
        assert "\n" not in text[p.start:p.end]
        assert 0 <= p.section < len(d.sections)
        sec = d.sections[p.section]
        assert sec.start <= p.start and p.end <= sec.end
        prev_end = p.end
    prev_end = 0
    for s in d.sections:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start >= prev_end
        prev_end = s.end
        if s.heading is None:
            assert s.heading_start == s.heading_end == -1
        else:
            assert text[s.heading_start:s.heading_end] == s.heading
    for f in d.footnotes:
        assert 0 <= f.start <= f.end <= len(text)
        assert -1 <= f.anchor <= len(text)
    for sig in d.signatures:
        assert 0 <= sig.start <= sig.end <= len(text)
        assert text[sig.start:sig.end] == sig.name
    kinds = [p.kind for p in d.paragraphs]
    if "footnote" in kinds:
        first = kinds.index("footnote")
        assert all(k == "footnote" for k in kinds[first:])


# --- the real letters -------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_real_letters_keep_the_invariants_and_lose_the_furniture(name):
    d = doc(name)
    check_invariants(d)
    for furniture in ("Retouradres", "Pagina ", "Onze referentie", "Cluster secretaris-generaal", "[bookmark", "\ufffd"):
        assert furniture not in d.text
    assert len(d.paragraphs) > 10


def test_december_report_signatures_and_header():
    d = doc(DEC)
    assert [(s.name, s.role) for s in d.signatures] == [
        ("Foort van Oosten", "Minister van Justitie en Veiligheid"),
        ("D.M. van Weel", "Minister van Asiel en Migratie"),
        ("A.C.L. Rutte", "Staatssecretaris van Justitie en Veiligheid"),
    ]
    assert d.header["date"] == "17 december 2025"
    assert d.header["reference"] == "7010422"
    assert "kamerstuk" not in d.header
    assert para_texts(d, "signature")[-1] == "mr. A.C.L. Rutte"


def test_december_report_glued_mark_moves_to_a_footnote():
    d = doc(DEC)
    assert "lidstaten5" not in d.text
    assert "samen met 26 andere lidstaten, een gezamenlijk statement" in d.text
    note = footnote(d, 5)
    assert d.text[note.start:note.end].startswith("Denemarken, Italië, Albanië")
    assert d.text[:note.anchor].endswith("26 andere lidstaten")
    assert [f.number for f in d.footnotes] == list(range(1, 11))
    assert d.text[footnote(d, 10).start:footnote(d, 10).end] == "Motie Tweede Kamer, 21501-04-287."
    assert d.text[:footnote(d, 6).anchor].endswith("van de Commissie is gestuurd")
    assert "is gestuurd. Bij deze brief" in d.text


def test_december_report_sentences_survive_page_breaks_and_side_column():
    d = doc(DEC)
    assert "Tijdens het CT-ontbijt werd gesproken over opkomende technologieën" in d.text
    assert "principes en waarborgen van gegevensbescherming. Mede als gevolg" in d.text
    assert "Secretaris-Generaal Berset organiseerde" in d.text
    assert "ondersteuning van EU-agentschappen en een diplomatieke" in d.text
    first_note = min(f.start for f in d.footnotes)
    assert "https://" not in d.text[:first_note]
    note = next(f for f in d.footnotes if f.number == 1)
    assert d.text[note.start:note.end].endswith("joint-statement-c7")


def test_december_report_keeps_ordinary_numbers():
    d = doc(DEC)
    for kept in ("artikel 8 van de voorgestelde", "artikel 2:20 Burgerlijk", "op 8 en 9 december 2025", "(2028-2034)"):
        assert kept in d.text


def test_december_report_headings_become_sections():
    d = doc(DEC)
    assert headings(d)[:3] == [
        "Ministeriële bijeenkomst C7 over de aanpak van georganiseerde en ondermijnende criminaliteit",
        "CT-ontbijt",
        "Enhanced Border Security Partnership (EBSP)",
    ]
    assert "Gezamenlijke brief aan de Commissie over het operationaliseren van innovatieve oplossingen in het asieldomein" in headings(d)
    assert d.sections[0].heading is None
    assert d.text[d.sections[0].start:].startswith("Hierbij bieden wij")


def test_november_agenda_signature_without_article_and_footnotes():
    d = doc(NOV)
    assert ("D.M. van Weel", "Minister van Asiel en Migratie") in [(s.name, s.role) for s in d.signatures]
    assert d.header == {"date": "24 november 2025", "reference": "6908378"}
    note2 = footnote(d, 2)
    assert "Verordening (EU) 2024/1351 van het Europees Parlement" in d.text[note2.start:note2.end]
    assert d.text[:note2.anchor].endswith("significante migratiesituatie")
    assert [f.number for f in d.footnotes] == list(range(1, 11))
    assert "Aanleiding" in headings(d)
    (aanleiding,) = [s for s in d.sections if s.heading == "Aanleiding"]
    assert d.text[aanleiding.heading_end:aanleiding.end].strip().startswith("Zoals reeds vermeld")
    long_heading = ("Uitvoeringsbesluit ter bepaling van de lidstaten waar sprake is van migratiedruk, van een "
                    "risico van migratiedruk of van een significante migratiesituatie")
    assert long_heading in headings(d)


def test_kamerstuk_header_and_signatures():
    d = doc(KST)
    assert d.header["kamerstuk"] == "32317-964"
    assert d.header["dossier"] == "32317" and d.header["kamerstuk_number"] == "964"
    assert d.header["place_date"] == "Den Haag, 23 juni 2025"
    assert d.header["title"].startswith("Brief van de ministers van Justitie en Veiligheid")
    assert "Den Haag, 23 juni 2025" in para_texts(d, "header")
    # the addressee names whom the letter is written to: a header paragraph, read for mentions only
    assert "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal" in para_texts(d, "header")
    assert ("T.H.D. Struycken", "staatssecretaris van Justitie en Veiligheid") in [(s.name, s.role) for s in d.signatures]
    assert ("Y. J. van Hijum", "minister voor Asiel en Migratie") in [(s.name, s.role) for s in d.signatures]
    assert len(d.signatures) == 5


BODY = ("Hierbij bied ik u de geannoteerde agenda aan van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken "
        "die op 8 en 9 juni in Luxemburg plaatsvindt, met de onderwerpen die daar besproken worden en de inzet "
        "van het kabinet daarbij, zoals gebruikelijk voorafgaand aan iedere bijeenkomst van deze Raad.\n")


def test_a_web_pages_identification_table_row_is_the_letters_own_number():
    raw = ("Kamerstuk\nDatum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |\n---|---|---|---|\n"
           "Eerste Kamer der Staten-Generaal | 2018-2019 | 32317 nr. JI |\n"
           "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\nDen Haag, 2 oktober 2018\n" + BODY)
    d = parse_layout(letter_of(raw))
    assert d.header["kamerstuk"] == "32317-JI" and d.header["session"] == "2018-2019"


def test_a_web_pages_menus_before_the_publication_do_not_hide_its_header():
    menu = "".join(f"[menu {n}] link naar pagina {n}\n\n" for n in range(12))
    raw = (menu + "Directe link naar document (.pdf), officiële HTML versie (kst-22112-2957).\n\n"
           "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2020-2021\n\n"
           "22 112 Nieuwe Commissievoorstellen en initiatieven van de lidstaten van de Europese Unie\n\n"
           "Nr. 2957 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n"
           "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 5 november 2020\n\n" + BODY)
    d = parse_layout(letter_of(raw))
    assert d.header["kamerstuk"] == "22112-2957"
    assert d.header["title"] == "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN"


@pytest.mark.parametrize("block, signed", [
    ("De Minister voor Immigratie, Integratie en Asiel,\nG.B.M. Leers",
     [("G.B.M. Leers", "Minister voor Immigratie, Integratie en Asiel")]),
    ("De Minister van Buitenlandse Zaken,\nmede namens de Minister van Justitie en Veiligheid,\nS.A. Blok",
     [("S.A. Blok", "Minister van Buitenlandse Zaken")]),
    # a committee's chair and clerk sign a written consultation with their surname
    ("De fungerend voorzitter van de commissie, Belhaj\n\nDe griffier van de commissie, Buisman",
     [("Belhaj", "fungerend voorzitter van de commissie"), ("Buisman", "griffier van de commissie")]),
    # a fiche's title right before the office; a misspelt office; a committee's deputy clerk
    ("Fiche: Verordening geleidelijke ingebruikneming EES\nDe Minister van Buitenlandse Zaken,\nC.C.J. Veldkamp",
     [("C.C.J. Veldkamp", "Minister van Buitenlandse Zaken")]),
    ("De Staatsecretaris van Justitie en Veiligheid, A. Broekers-Knol",
     [("A. Broekers-Knol", "Staatsecretaris van Justitie en Veiligheid")]),
    ("De voorzitter van de commissie,\n\nDe Roon\n\nAdjunct-griffier van de commissie,\n\nHessing-Puts",
     [("De Roon", "voorzitter van de commissie"), ("Hessing-Puts", "Adjunct-griffier van de commissie")]),
    # tkconv's page names the signers
    ("Gerelateerde personen:- Eerste ondertekenaar: D. Yesilgöz-Zegerius, minister van Justitie en Veiligheid (VVD)\n"
     "- Mede ondertekenaar: F.M. Weerwind, minister voor Rechtsbescherming",
     [("D. Yesilgöz-Zegerius", "minister van Justitie en Veiligheid"), ("F.M. Weerwind", "minister voor Rechtsbescherming")]),
])
def test_signatures_with_a_comma_in_the_office_or_on_behalf_of_another(block, signed):
    d = parse_layout(letter_of("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 oktober 2018"
                               "\n\n" + BODY + "\n" + block + "\n"))
    assert [(s.name, s.role) for s in d.signatures] == signed


def test_kamerstuk_hyphenation_and_numbers():
    d = doc(KST)
    assert "de planning voor de EU-uitvoeringswetten ligt" in d.text
    assert "intensivering van informatie-uitwisseling" in d.text
    assert "het aanwenden van e-gates" in d.text
    assert "asielzoekers te registeren" in d.text
    assert "Verordening (EU) 2018/18061 inzake" in d.text
    assert d.text[:footnote(d, 1).anchor].endswith("tot een effectiever instrument te komen.")
    assert d.text[footnote(d, 1).start:footnote(d, 1).end] == "Kamerstuk 22 112, nr. 3840."


def test_kamerstuk_bullets_and_lettered_headings():
    d = doc(KST)
    bullets = para_texts(d, "bullet")
    assert any(b.startswith("De JBZ-Raad nam een gedeeltelijke algemene oriëntatie aan over de verordening") for b in bullets)
    assert ("d. Herziene verordening van de Raad betreffende de versterking van de beveiliging van "
            "identiteitskaarten en verblijfsdocumenten van burgers van de Unie") in headings(d)
    assert "1. Verordening over de bescherming van volwassenen" in headings(d)
    assert "Commissie rapport over de Staat van het Schengengebied 2025" in bullets


def test_written_consultation_questions_and_answers():
    d = doc(SO)
    questions = para_texts(d, "question")
    answers = para_texts(d, "answer")
    assert len(questions) >= 20 and len(answers) >= 20
    assert any(q.startswith("Kan de minister bevestigen dat Nederland zich in Brussel") for q in questions)
    assert "Zie antwoord op de vorige vraag." in answers
    assert not any(t.strip().startswith("Antwoord") and len(t) < 30 for t in para_texts(d))
    assert "Vragen en opmerkingen van de leden van de NSC-fractie" in headings(d)
    assert d.header["dossier"] == "32317"
    assert d.header["title"] == "Verslag van een schriftelijk overleg"
    assert [(s.name, s.role) for s in d.signatures] == [
        ("Vijlbrief", "voorzitter van de commissie"),
        ("Burger", "Griffier van de commissie"),
    ]


def test_written_consultation_docx_footnotes():
    d = doc(SO)
    note = footnote(d, 4)
    assert d.text[note.start:note.end] == "Tweede Kamer, vergaderjaar 2024-2025, 22 112, nr. 4131."
    assert d.text[:note.anchor].endswith("alleenstaande minderjarige mannen.")
    assert "mannen. Recent nog sprak" in d.text
    assert "[4:" not in d.text and "[MFK]" in d.text
    assert len(para_texts(d, "bullet")) == 5


def test_march_agenda_signatures_and_trailing_footnote():
    d = doc(MAR)
    assert [(s.name, s.role) for s in d.signatures] == [
        ("D.M. van Weel", "Minister van Justitie en Veiligheid"),
        ("Bart van den Brink", "Minister van Asiel en Migratie"),
        ("Claudia van Bruggen", "Staatssecretaris van Justitie en Veiligheid"),
    ]
    note = footnote(d, 3)
    assert d.text[note.start:note.end] == "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 987."
    assert [p.kind for p in d.paragraphs if p.start == note.start] == ["footnote"]
    assert all("nr. 987" not in t for t in para_texts(d, "signature"))
    assert d.text[:note.anchor].endswith("JBZ-Raad van 8 en 9 dec jl.")


def test_march_agenda_glued_footnote_body_and_hyphens():
    d = doc(MAR)
    note = footnote(d, 1)
    assert d.text[note.start:note.end] == "Tweede Kamer, vergaderjaar 2025-2025, 32 317, nr. 987."
    assert "operationaliseren1" not in d.text and "concept te operationaliseren. De geschetste" in d.text
    assert "(JBZ-Raad) van 5-6 maart" in d.text
    assert "een aankondiging van een AI-forum" in d.text
    assert "het Europese Asiel- en Migratiepact" in d.text
    assert "Gerichte visumbeperkingen moet sneller mogelijk worden bij" in d.text


def test_layout_is_fast():
    letter = read_letter(LETTERS / KST)
    parse_layout(letter)
    started = time.perf_counter()
    parse_layout(letter)
    assert time.perf_counter() - started < 0.5


# --- small constructed cases ----------------------------------------------------------


def test_join_lines_hyphenation_rules():
    assert join_lines(["het migratie-", "beleid"]) == "het migratiebeleid"
    assert join_lines(["de EU-", "lidstaten"]) == "de EU-lidstaten"
    assert join_lines(["de JBZ-", "Raad"]) == "de JBZ-Raad"
    assert join_lines(["asiel- ", "en migratiebeleid"]) == "asiel- en migratiebeleid"
    assert join_lines(["zoals en/of", "verder"]) == "zoals en/of verder"
    assert join_lines(["next years -", "Consilium"]) == "next years - Consilium"


def test_headings_bullets_and_passage_shape():
    raw = ("EBSP\nDe Commissie zal namens de lidstaten de onderhandelingen voeren met de VS.\n\n"
           "Het kabinet steunt:\n• het eerste punt;\n- het tweede punt dat doorloopt\nop een volgende regel.\n")
    d = parse_layout(letter_of(raw))
    check_invariants(d)
    assert headings(d) == ["EBSP"]
    assert para_texts(d, "bullet") == ["het eerste punt;", "het tweede punt dat doorloopt op een volgende regel."]
    assert "De Commissie zal namens de lidstaten de onderhandelingen voeren met de VS." in para_texts(d, "body")


def test_a_line_ending_on_a_preposition_runs_on_into_a_capitalised_line():
    # long lines elsewhere make the short line look like a heading of its own
    long = ("De lidstaten spraken daarna uitgebreid over de uitvoering van de regels en over de rol van de "
            "agentschappen bij de bewaking van de buitengrenzen.\n")
    raw = (long * 3 + "\nVisa\nDe Commissie lichtte haar voorstel tot wijziging van\nVerordening 2018/1806 met een nieuwe "
           "opschortingsregeling toe.\n\n" + long * 3)
    d = parse_layout(letter_of(raw))
    check_invariants(d)
    assert headings(d) == ["Visa"]
    assert ("De Commissie lichtte haar voorstel tot wijziging van Verordening 2018/1806 met een nieuwe "
            "opschortingsregeling toe.") in para_texts(d, "body")


def test_ordinary_numbers_without_footnote_bodies_stay():
    raw = "Op 8 en 9 december sprak de Raad over artikel5 van Verordening 2024/1351 en COM(2025) 101.\n"
    d = parse_layout(letter_of(raw))
    assert d.text == raw.strip()
    assert d.footnotes == []


# --- generated text ------------------------------------------------------------------

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzëé", min_size=1, max_size=12)


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(WORDS, min_size=3, max_size=30))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=600))
def test_any_text_keeps_the_invariants(raw):
    check_invariants(parse_layout(letter_of(raw)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Datum", "17 december 2025", "Onze referentie", "1234567", "Pagina 2 van 9", "[footnoteRef:3]", "[3:  Kamerstuk 1.]",
    "De Minister van Justitie en Veiligheid,", "D.M. van Weel", "Antwoord", "• punt", "a. item", "1 Tweede Kamer, nr. 5.",
    "lidstaten3", "", " ", "\t", "Retouradres Postbus 1", "Nr. 12 Brief van de minister", "Den Haag, 1 mei 2025",
    "[footnoteRef", "]", "migratie-", "beleid", "32 317 JBZ-Raad", "\r", "\f", "Overig:", "?",
]), max_size=40))
def test_letter_shaped_noise_keeps_the_invariants(parts):
    check_invariants(parse_layout(letter_of("\n".join(parts))))


@settings(max_examples=150, deadline=None)
@given(st.lists(sentences(), min_size=1, max_size=4), st.integers(min_value=40, max_value=100))
def test_wrapped_paragraphs_come_back_whole(paras, width):
    raw = "\n\n".join("\n".join(wrap(p, width)) for p in paras)
    d = parse_layout(letter_of(raw))
    assert d.text == "\n\n".join(paras)
    check_invariants(d)


@settings(max_examples=150, deadline=None)
@given(sentences(), st.data(), st.sampled_from(["\n", "\n\n", "\n\n\n"]))
def test_side_column_inside_a_sentence_leaves_no_trace(sentence, data, gap):
    words = sentence.split(" ")
    cut = data.draw(st.integers(min_value=1, max_value=len(words) - 1))
    plain = parse_layout(letter_of(sentence)).text
    raw = " ".join(words[:cut]) + gap + SIDE_COLUMN + gap + " ".join(words[cut:])
    with_column = parse_layout(letter_of(raw))
    assert with_column.text == plain == sentence
    assert with_column.header["date"] == "17 december 2025"


def test_first_page_header_of_a_pdf_letter():
    raw = ("> Retouradres Postbus 20301 2500 EH  Den Haag\nAan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\n"
           "Postbus 20018\n2500 EA  DEN HAAG\n\nDatum 8 december 2025\n"
           "Onderwerp Geannoteerde agenda JBZ-Raad 8-9 december 2025\n\n"
           "Hierbij bied ik u de geannoteerde agenda aan van de JBZ-Raad van 8 en 9 december 2025.\n\n"
           "De Minister van Justitie en Veiligheid,\n\nmr. drs. J.A. de Vries\n")
    d = parse_layout(letter_of(raw))
    check_invariants(d)
    assert d.header == {"date": "8 december 2025", "title": "Geannoteerde agenda JBZ-Raad 8-9 december 2025"}
    assert para_texts(d)[:3] == ["Aan de Voorzitter van de Tweede Kamer",
                                 "Geannoteerde agenda JBZ-Raad 8-9 december 2025",
                                 "Hierbij bied ik u de geannoteerde agenda aan van de JBZ-Raad van 8 en 9 december 2025."]
    assert para_texts(d, "header")[0] == "Aan de Voorzitter van de Tweede Kamer"
    assert [(s.name, s.role) for s in d.signatures] == [("J.A. de Vries", "Minister van Justitie en Veiligheid")]
    assert "Postbus" not in d.text and "Staten-Generaal" not in d.text  # the address lines go


def test_official_kamerstuk_header():
    raw = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2025–2026\n32 317\nJBZ-Raad\nNr. 987\n"
           "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
           "Den Haag, 1 december 2025\nHierbij bied ik u het verslag aan van de JBZ-Raad.\n"
           "De Minister van Justitie en Veiligheid,\nD.M. VAN WEEL\n")
    d = parse_layout(letter_of(raw))
    check_invariants(d)
    assert d.header["kamerstuk"] == "32317-987"
    assert d.header["dossier"] == "32317" and d.header["kamerstuk_number"] == "987"
    assert d.header["place_date"] == "Den Haag, 1 december 2025"
    assert d.header["title"] == "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID"
    assert para_texts(d, "body") == ["Hierbij bied ik u het verslag aan van de JBZ-Raad."]
    assert [(s.name, s.role) for s in d.signatures] == [("D.M. VAN WEEL", "Minister van Justitie en Veiligheid")]


def test_office_and_name_on_one_line_sign_a_covering_letter():
    raw = (
        "32 317 JBZ-Raad\n\nNr. 999 BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE\n\n"
        "Den Haag, 3 maart 2014\n\n"
        "Hierbij bieden wij u het verslag aan van de Raad Justitie en Binnenlandse Zaken van 3 en 4 maart 2014.\n\n"
        "De Minister van Veiligheid en Justitie, I.W. Opstelten\n\n"
        "De Staatssecretaris van Veiligheid en Justitie, F. Teeven\n\n"
        "Verslag van de Raad Justitie en Binnenlandse Zaken\n\n"
        "De Raad sprak over het voorstel, en de Minister van Veiligheid en Justitie, die de Raad toesprak, steunde het.\n"
    )
    d = parse_layout(letter_of(raw))
    assert [(s.name, s.role) for s in d.signatures] == [
        ("I.W. Opstelten", "Minister van Veiligheid en Justitie"),
        ("F. Teeven", "Staatssecretaris van Veiligheid en Justitie"),
    ]
    for s in d.signatures:
        assert d.text[s.start:s.end] == s.name
    check_invariants(d)
