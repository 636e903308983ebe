"""The knowledge base is generated, complete for the contract, and what the gazetteer reads."""

import subprocess
import sys

from jbzgraph.kb import load_kb
from jbzgraph.paths import KB_DIR, ROOT

CONTRACT_ORGANISATIONS = {
    "COM", "EP", "COUNCIL", "JHA_COUNCIL", "GAC", "EUCO", "COREPER", "PRESIDENCY", "CJEU", "ECTHR",
    "COE", "EEAS", "EUAA", "FRONTEX", "EU_LISA", "EUROPOL", "EUROJUST", "EPPO", "EU_CTC", "UNHCR",
    "ICC", "TWEEDE_KAMER",
}


def test_kb_files_are_what_the_generator_makes(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_kb.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for committed in sorted(KB_DIR.glob("*.ttl")):
        assert (tmp_path / committed.name).read_text() == committed.read_text(), (
            f"{committed.name} is stale: run python scripts/build_kb.py")


def test_kb_has_all_member_states_with_dutch_names_and_adjectives():
    kb = load_kb()
    states = kb.of_kind("member_state")
    assert len(states) == 27
    nld = kb.by_key("member_state", "NLD")
    assert nld.iri == "http://publications.europa.eu/resource/authority/country/NLD"
    assert nld.label("nl") == "Nederland" and nld.label("en") == "Netherlands"
    assert "Belgische" in kb.by_key("member_state", "BEL").adjectives
    assert kb.by_key("third_country", "USA").label("nl") == "Verenigde Staten"
    assert kb.by_key("member_state", "USA") is None


def test_kb_has_every_contract_organisation_and_the_unnamed_group():
    kb = load_kb()
    assert CONTRACT_ORGANISATIONS <= {e.key for e in kb.of_kind("organisation")}
    assert "RAZ" in [text for text, _, _ in kb.by_key("organisation", "GAC").labels]
    assert kb.by_key("unnamed_group", "MULTIPLE").iri.endswith("/org/MULTIPLE")


def test_kb_instruments_carry_identifiers_from_the_shared_table():
    kb = load_kb()
    ammr = kb.by_key("instrument", "ammr")
    assert ammr.iri == "http://data.europa.eu/eli/reg/2024/1351/oj"
    assert ammr.identifiers["celex"] == ["32024R1351"]
    assert ammr.identifiers["actNumber"] == ["2024/1351"]
    assert ammr.identifiers["comReference"] == ["COM(2020) 610"]
    ret = kb.by_key("instrument", "return_reg")
    assert ret.iri == "https://w3id.org/jbzgraph/id/instrument/return_reg"
    assert ret.identifiers["procedureReference"] == ["2025/0059(COD)"]
    assert not any("NOT verified" in text for e in kb.of_kind("instrument") for text, _, _ in e.labels)


def test_kb_concept_schemes_cover_the_contract_vocabularies():
    kb = load_kb()
    for notation in ("support", "oppose", "concern", "abstain", "neutral"):
        assert kb.concept("stance", notation).endswith(f"/stance/{notation}")
    for notation in ("proposal", "general_approach", "partial_general_approach", "negotiating_mandate",
                     "provisional_agreement", "adoption", "entry_into_force", "application", "extension", "other"):
        kb.concept("stage", notation)
    for notation in ("annotated_agenda", "council_report", "written_consultation", "bnc_fiche", "letter"):
        kb.concept("doctype", notation)
    for notation in ("kamerstuk", "celex", "com", "motion", "url", "other"):
        kb.concept("refkind", notation)
