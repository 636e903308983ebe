"""The gazetteer links KB labels in running Dutch text to their IRIs."""

import pytest

from jbzgraph.kb import load_kb
from jbzgraph.nlp import default_nlp
from jbzgraph.nlp.gazetteer import entity_mentions


@pytest.fixture(scope="module")
def found():
    def run(text):
        return [(m.text, m.kind, m.iri.rsplit("/", 1)[-1] if "authority" in m.iri or "/org/" in m.iri else m.iri)
                for m in entity_mentions(default_nlp()(text))]
    return run


def test_gazetteer_links_countries_adjectives_and_bodies(found):
    got = found("Het kabinet steunt, samen met de Belgische regering en Duitsland, de JBZ-Raad en Coreper.")
    assert ("Belgische", "member_state", "BEL") in got
    assert ("Duitsland", "member_state", "DEU") in got
    assert ("JBZ-Raad", "organisation", "JHA_COUNCIL") in got
    assert ("Coreper", "organisation", "COREPER") in got


def test_gazetteer_prefers_the_longest_label(found):
    got = found("De Raad van Europa en de Raad Algemene Zaken (RAZ) kwamen bijeen.")
    assert ("Raad van Europa", "organisation", "COE") in got
    assert ("Raad Algemene Zaken", "organisation", "GAC") in got
    assert not any(text == "Raad" for text, _, _ in got)


def test_gazetteer_single_token_labels_are_case_sensitive(found):
    assert found("wij gaan om de tafel en ep is geen afkorting") == []
    assert ("VS", "third_country", "USA") in found("De VS en het EP.")


def test_gazetteer_links_instruments_to_their_eli(found):
    kb = load_kb()
    got = found("De Asielprocedureverordening en de AMMR gelden vanaf juni 2026.")
    assert ("Asielprocedureverordening", "instrument", kb.by_key("instrument", "apr").iri) in got
    assert ("AMMR", "instrument", "http://data.europa.eu/eli/reg/2024/1351/oj") in got


@pytest.mark.parametrize("text, key", [
    ("Er zijn aanbevelingen opgesteld door de EU-Contra Terrorisme Coördinator.", "EU_CTC"),
    ("Het EASO ondersteunt Griekenland.", "EUAA"),
    ("De Europese Grens- en Kustwacht ondersteunt Griekenland.", "FRONTEX"),
])
def test_gazetteer_knows_older_and_spelled_out_names_of_agencies(text, key):
    kb = load_kb()
    keys = {kb.entities[m.iri].key for m in entity_mentions(default_nlp()(text)) if m.iri in kb.entities}
    assert key in keys


@pytest.mark.parametrize("text, kind", [
    ("Hierbij bied ik u het verslag aan van de Raad, gehouden in Luxemburg op 7 en 8 oktober 2013.", "place"),
    ("Verslag van de bijeenkomst van de JBZ-Raad, 12 en 13 juni 2025 te Luxemburg", "place"),
    ("Luxemburg steunt het voorstel.", "member_state"),
    ("Ook in Luxemburg neemt het aantal asielaanvragen toe.", "member_state"),
])
def test_the_city_a_meeting_is_held_in_is_no_member_state(found, text, kind):
    assert [k for t, k, _ in found(text) if t == "Luxemburg"] == [kind]


def test_the_united_states_closing_a_sentence_end_it():
    from jbzgraph.nlp import default_nlp
    doc = default_nlp()("De Raad sprak over de overeenkomsten met de VS. De discussie gaat in maart verder.")
    assert [s.text.strip() for s in doc.sents] == ["De Raad sprak over de overeenkomsten met de VS.",
                                                  "De discussie gaat in maart verder."]


def test_gazetteer_finds_a_country_inside_a_hyphenated_compound(found):
    got = found("De EU-Turkije Verklaring en de Benelux-Mongolië overeenkomst werden besproken.")
    assert ("Turkije", "third_country", "TUR") in got and ("Mongolië", "third_country", "MNG") in got


def test_a_country_inside_a_compound_holds_no_position(tmp_path):
    from tests.helpers import extract_passage
    x, _ = extract_passage(tmp_path, "Migratie\nDe EU-Turkije Verklaring wordt door Nederland gesteund.")
    kb = load_kb()
    assert {(kb.entities[p.holder_iri].key, p.target.label) for p in x.positions} == {("NLD", "EU-Turkije Verklaring")}


def test_gazetteer_knows_the_dublin_regulations_by_their_numbers(found):
    kb = load_kb()
    got = {iri for _, kind, iri in found("Dublin III werkt niet; een akkoord op Dublin IV is nodig.") if kind == "instrument"}
    assert {kb.entities[i].key for i in got} == {"dublin_iii", "dublin_iv"}


@pytest.mark.parametrize("text, sentences", [
    # a full stop with a footnote mark glued on ends a sentence; a numbered article does not
    ("Het compromis volgt de oriëntatie van de Raad.2 Het omvatte ook de lijst.",
     ["Het compromis volgt de oriëntatie van de Raad.2", "Het omvatte ook de lijst."]),
    ("Zie art.5 De Commissie en de lijst.", ["Zie art.5 De Commissie en de lijst."]),
])
def test_a_footnote_mark_after_a_full_stop_ends_a_sentence(text, sentences):
    from jbzgraph.nlp import default_nlp
    assert [s.text.strip() for s in default_nlp()(text).sents] == sentences


def test_gazetteer_knows_the_common_european_asylum_system(found):
    kb = load_kb()
    got = {kb.entities[iri].key for _, kind, iri in found("Het Gemeenschappelijk Europees Asiel Systeem (GEAS) wordt herzien.")
           if kind == "instrument"}
    assert got == {"geas"}
