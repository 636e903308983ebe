import pytest
from hypothesis import given
from hypothesis import strategies as st

from jbzgraph.nlp.references import find_references


@pytest.mark.parametrize(
    "text, kind, ref",
    [
        ("2 Kamerstuk 32317-973 en", "kamerstuk", "32317-973"),
        ("8-9 december 2025 - 32317- 978", "kamerstuk", "32317-978"),
        ("Tweede Kamer, vergaderjaar 2023-2024, Kamerstuk 32 317, nr. 878", "kamerstuk", "32317-878"),
        ("vergaderjaar 2024-2025, Kamerstuk 21 501-20, nr. 2245", "kamerstuk", "21501-20-2245"),
        ("Kamerstuk 19 637/ 36 045, nr. 3478,", "kamerstuk", "19637-3478"),
        ("Kamerstukken II, 2025-26, nr. 32317-973", "kamerstuk", "32317-973"),
        ("vergaderjaar 2023-2024, kst 29 344, nr 155]", "kamerstuk", "29344-155"),
        ("zie Kamerstukken II, 2012-2013, 32317 nr. 153 over", "kamerstuk", "32317-153"),
        ("Fiche: Aanbeveling over operaties (Kamerstuk 22 112, 2962)", "kamerstuk", "22112-2962"),
        ("zie eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:2023:754:FIN", "url",
         "eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:2023:754:FIN"),
        ("zie Kamerstukken I 2021/22, 32317, NH.", "kamerstuk", "32317-NH"),
        ("Kamerstuk 32317, nr. 400 en 2016 werd het voorstel besproken", "kamerstuk", "32317-400"),
        ("SWD(2020) 543 final", "other", "SWD(2020) 543"),
        ("zie EUCO 8497/15 over migratie", "other", "EUCO 8497/15"),
        ("de procedure 2024/0315(COD) loopt", "other", "2024/0315(COD)"),
        ("Council Framework Decision 2008/977/JHA", "celex", "32008F0977"),
        ("diverse moties en toezeggingen die zijn ingediend tijdens het Commissiedebat (Kamerstuk 32 317, nr. 721)",
         "kamerstuk", "32317-721"),
        ("tot wijziging van Beschikking 2004/512 / EG van de Raad", "celex", "32004D0512"),
        ("Bijlage bij: Verslag van de JBZ-raad van 3-4 maart 2014 te Brussel (2014D09901)", "other", "2014D09901"),
        ("10 Motie Tweede Kamer, 21501-04-287.", "motion", "21501-04-287"),
        ("met motie Piri c.s. (Kamerstuk 21 501-02, nr. 3032) dat", "motion", "21501-02-3032"),
        ("1 COM(2025) 795 final.", "com", "COM(2025) 795"),
        ("Admission Plan (2026-2027), COM (2025) 702 final.", "com", "COM(2025) 702"),
        ("Betreft COM/2018/631 final, zoals EUR-Lex het schrijft.", "com", "COM(2018) 631"),
        ("29 januari 2026, C(2026) 462.", "com", "C(2026) 462"),
        ("artikel 11 van Verordening (EU) 2024/1351 van het", "celex", "32024R1351"),
        ("Uitvoeringsbesluit (EU) 2025/2323 van de Commissie", "celex", "32025D2323"),
        ("de Visumcode (Verordening (EG) nr. 810/2009)", "celex", "32009R0810"),
        ("Richtlijn 2011/95/EU", "celex", "32011L0095"),
        ("De tekst heeft het documentnummer 14024/15 (18 november 2015).", "other", "14024/15"),
        ("zie Raadsdocument ST 9382/24 over", "other", "st9382/24"),
        ("zie https://www.government.nl/documents/x/joint-statement-c7.", "url",
         "https://www.government.nl/documents/x/joint-statement-c7"),
    ],
)
def test_references_normalised_to_contract_form(text, kind, ref):
    assert [(r.kind, r.ref) for r in find_references(text)] == [(kind, ref)]


def test_references_skip_the_letters_own_number_and_non_references():
    text = "Nr. 964 ... Kamerstuk 32317-964 en in 2025-2026 de postbus 20301 2500 EH, artikel 12 lid 6"
    assert find_references(text, exclude={"32317-964"}) == []


@given(st.text(max_size=300))
def test_references_never_crash_and_spans_are_exact(text):
    for r in find_references(text):
        assert text[r.start:r.end] == r.text


def test_a_document_numbered_in_two_dossiers_is_cited_by_both_numbers():
    text = "Fiche 1: Wijziging verordening (Kamerstukken 22 112 en 34 481, nr. 2142)"
    assert [(r.kind, r.ref) for r in find_references(text)] == [("kamerstuk", "22112-2142"), ("kamerstuk", "34481-2142")]


@pytest.mark.parametrize("colon", [":", "%3A"])
def test_a_eur_lex_address_cites_its_celex_number_too(colon):
    url = f"https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX{colon}52021PC0752&from=NL"
    assert [(r.kind, r.ref) for r in find_references(f"zie {url} voor de tekst")] == [("url", url), ("celex", "52021PC0752")]


@pytest.mark.parametrize("text, refs", [
    ("(Kamerstuk 32 317, nrs. 400 en 401)", ["32317-400", "32317-401"]),
    ("Kamerstuk 21 501-20, nr. 2000 en nr. 2001", ["21501-20-2000", "21501-20-2001"]),
])
def test_references_several_numbers_in_one_dossier_are_each_a_document(text, refs):
    assert [r.ref for r in find_references(text)] == refs


@pytest.mark.parametrize("text, refs", [
    ("tot intrekking van Besluiten 2009/371/JBZ en 2005/681/JBZ", [("celex", "32009D0371"), ("celex", "32005D0681")]),
    ("amending Regulation\n(EU) 2016/794 and Regulation (EU) 2017/2226", [("celex", "32016R0794"), ("celex", "32017R2226")]),
    ("uitvoering gegeven aan de moties Ceder over mensenrechten aan de buitengrens (Kamerstuk 36 200 VI, nr. 33 en "
     "Kamerstuk 32 317, nr. 781)", [("motion", "36200-VI-33"), ("motion", "32317-781")]),
])
def test_references_lists_of_acts_english_titles_and_motions_in_the_plural(text, refs):
    assert [(r.kind, r.ref) for r in find_references(text)] == refs
