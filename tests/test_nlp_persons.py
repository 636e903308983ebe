import pytest

from jbzgraph.nlp.persons import family_name, find_persons


@pytest.mark.parametrize(
    "text, names",
    [
        ("Ook gaf Commissaris Brunner een toelichting", ["Brunner"]),
        ("De motie Ram verzoekt de regering", ["Ram"]),
        ("de motie Rajkowski en Van Zanten over het", ["Rajkowski", "Van Zanten"]),
        ("de toezegging aan lid-Van Toorenburg om", ["Van Toorenburg"]),
        ("Secretaris-Generaal Berset organiseerde", ["Berset"]),
        ("de minister van Justitie en Veiligheid en de minister van Asiel en Migratie", []),
        ("het position paper van rapporteur Van der Steur, dat", ["Van der Steur"]),
        ("de Leidersagenda van voorzitter van de Europese Raad Tusk verzoekt", ["Tusk"]),
        ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", []),
        ("riep voorzitter Von der Leyen op tot", ["Von der Leyen"]),
        ("De Hoofdaanklager van het EOM, mevrouw Kövesi, heeft mij", ["Kövesi"]),
        ("waarbij de leden van de fractie-Nanninga zich hebben aangesloten", ["Nanninga"]),
        ("de leden van de fractie van de PVV en de heer Van Dijk", ["Van Dijk"]),
        ("het Deense voorzitterschap en de voorzitter van de Raad", []),
    ],
)
def test_persons_found_after_titles_and_in_motions(text, names):
    assert [p.name for p in find_persons(text)] == names


@pytest.mark.parametrize(
    "name, family",
    [("D.M. van Weel", "van Weel"), ("Foort van Oosten", "van Oosten"), ("Magnus Brunner", "Brunner"),
     ("Bart van den Brink", "van den Brink"), ("Van Toorenburg", "Van Toorenburg"), ("A.C.L. Rutte", "Rutte")],
)
def test_persons_family_name_keeps_the_particle(name, family):
    assert family_name(name) == family
