"""The kind and date of a letter as the renderings other than the PDF show them."""

from datetime import date

import pytest

from tests.helpers import extract_passage

MENU = "".join(f"[menu {n}] [zoeken] [overzicht]\n\n" for n in range(8))
TABLE = ("Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |\n---|---|---|---|\n"
         "Tweede Kamer der Staten-Generaal | 2019-2020 | 32317 nr. 626 |\n")


@pytest.mark.parametrize("body, kind, when", [
    # a web page: menus and its identification table before the addressee push the opening sentence down
    (MENU + TABLE + "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 30 juni 2020\n\n"
     "Hierbij bieden wij u de geannoteerde agenda aan van de informele bijeenkomst van de JBZ-Raad.",
     "annotated_agenda", date(2020, 6, 30)),
    # tkconv's annex: no place and date line, the page's registration day
    (MENU + "Nummer: 2014D09902, datum: 2014-03-18, bijgewerkt: 2024-02-19 10:56, versie: 1\n\n"
     "Verslag van de bijeenkomst van het Gemengd Comité en de Raad Justitie en Binnenlandse Zaken, "
     "3 en 4 maart 2014 te Brussel\n\nBelangrijkste resultaten\n\nEr was brede steun voor het programma.",
     "council_report", date(2014, 3, 18)),
    # a written consultation of the Eerste Kamer: dated by its adoption, opened by the committee's formula
    ("Vastgesteld 6 september 2022\n\nDe leden van de vaste commissie voor Justitie en Veiligheid hebben "
     "kennisgenomen van de brief van 30 mei 2022 waarin de staatssecretaris de geannoteerde agenda aanbiedt.",
     "written_consultation", date(2022, 9, 6)),
    # a BNC fiche's cover letter
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 9 februari 2024\n\n"
     "Overeenkomstig de bestaande afspraken ontvangt u hierbij 2 fiches die werden opgesteld door de werkgroep "
     "Beoordeling Nieuwe Commissie voorstellen (BNC).", "bnc_fiche", date(2024, 2, 9)),
])
def test_metadata_kind_and_date_of_other_renderings(tmp_path, body, kind, when):
    x, _ = extract_passage(tmp_path, body)
    assert (x.letter.doc_type, x.letter.date) == (kind, when)


def test_metadata_a_web_pages_identification_table_is_the_letters_own_number(tmp_path):
    x, _ = extract_passage(tmp_path, MENU + TABLE + "Den Haag, 30 juni 2020\n\nHierbij bieden wij u de "
                           "geannoteerde agenda aan van de JBZ-Raad (Kamerstuk 32317, nr. 620).")
    assert x.letter.kamerstuk == "32317-626"
    assert [c.ref for c in x.citations] == ["32317-620"]


def test_metadata_a_tkconv_page_cites_its_covering_letter_not_itself(tmp_path):
    x, _ = extract_passage(tmp_path, MENU + "Nummer: 2014D09902, datum: 2014-03-18, bijgewerkt: 2024-02-19 10:56\n\n"
                           "Bijlage bij: Verslag van de JBZ-raad van 3-4 maart 2014 te Brussel (2014D09901)\n\n"
                           "Verslag van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken, 3 en 4 maart 2014")
    assert [(c.kind, c.ref) for c in x.citations] == [("other", "2014D09901")]
