from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jbzgraph.nlp.dates import find_dates, latest_explicit_date

REF = date(2025, 12, 17)


@pytest.mark.parametrize(
    "text, first, last, rule",
    [
        ("de JBZ-Raad op 8 en 9 december 2025 in Brussel", date(2025, 12, 8), date(2025, 12, 9), "explicit"),
        ("de Raad van 5-6 maart a.s. in Brussel", date(2026, 3, 5), date(2026, 3, 6), "next"),
        ("op 11 december j.l. instemming verleend", date(2025, 12, 11), date(2025, 12, 11), "last"),
        ("Op 23 juli jl. presenteerde de Commissie", date(2025, 7, 23), date(2025, 7, 23), "last"),
        ("tijdens de JBZ-Raad van 8 en 9 dec jl. Voor", date(2025, 12, 8), date(2025, 12, 9), "last"),
        ("Geannoteerde agenda JBZ-Raad 13 14 oktober 2025", date(2025, 10, 13), date(2025, 10, 14), "explicit"),
        ("op 4 december werden gepubliceerd", date(2025, 12, 4), date(2025, 12, 4), "nearest"),
        ("van toepassing op 12 juni dit jaar", date(2025, 6, 12), date(2025, 6, 12), "this_year"),
    ],
)
def test_dates_resolve_against_the_letter_date(text, first, last, rule):
    found = find_dates(text, REF)
    assert [(d.first, d.last, d.rule) for d in found] == [(first, last, rule)]


def test_dates_relative_marker_jl_goes_back_a_year_across_new_year():
    (d,) = find_dates("op 16 december jl.", date(2026, 1, 10))
    assert d.first == date(2025, 12, 16)


def test_dates_without_reference_keep_only_explicit_years():
    assert [d.first for d in find_dates("op 8 december en op 9 mei 2026", None)] == [date(2026, 5, 9)]
    assert latest_explicit_date("29 januari 2026 en 4 december 2025") == date(2026, 1, 29)


def test_dates_not_numbers_that_are_not_dates():
    assert find_dates("artikel 12 lid 6 en Kamerstuk 32317-973, nr. 31 oktober", REF)[0].first == date(2025, 10, 31)
    assert find_dates("artikel 12 lid 6 van de AMMR", REF) == []


@given(st.text(max_size=300), st.none() | st.dates())
def test_dates_never_crash_and_spans_are_exact(text, ref):
    for d in find_dates(text, ref):
        assert text[d.start:d.end] == d.text
        assert d.first <= d.last


def test_dates_of_an_undated_letter_allow_it_to_be_written_after_its_latest_date():
    latest = date(2026, 1, 29)
    (d,) = find_dates("Op 23 februari jl. werden de regels bekrachtigd", latest, slack=90)
    assert d.first == date(2026, 2, 23)
    (strict,) = find_dates("Op 23 februari jl. werden de regels bekrachtigd", latest)
    assert strict.first == date(2025, 2, 23)
