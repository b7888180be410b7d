"""Numbers, amounts, dates and times: found with offsets, compared by value."""

from __future__ import annotations

from fractions import Fraction

import pytest

from newsdiff.text.numbers import Quantity, comparable, find, same


def one(text: str) -> Quantity:
    """Return the only quantity of a text."""
    found = find(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a 500-tonne structure", "500 tonnes of steel"),
        ("on Feb. 24", "on February 24"),
        ("four astronauts", "4 astronauts"),
        ("1.8 billion", "1,800 million"),
        ("$1.8bn", "1.8 billion dollars"),
        ("5%", "5 per cent"),
        ("at 1:15 p.m. EDT", "at 1:15 PM"),
        ("at 1 pm", "at 13:00"),
        ("24th of February", "February 24"),
        ("February 24, 2022", "in 2022"),
        ("twenty-five people", "25 people"),
        ("a million people", "1,000,000 people"),
        ("Six dead", "6 killed"),
    ],
)
def test_equal_values_written_differently(a: str, b: str) -> None:
    assert same(one(a), one(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("500 tonnes", "400 tonnes"),
        ("February 24", "February 25"),
        ("1.8 billion", "1.7 billion"),
        ("at 1:15 p.m.", "at 1:15 a.m."),
        ("on Friday", "on Thursday"),
        ("in 2021", "in 2022"),
    ],
)
def test_different_values(a: str, b: str) -> None:
    x, y = one(a), one(b)
    assert comparable(x, y) and not same(x, y)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("400 km", "250 miles"),  # different units: not compared
        ("in 2006", "6 killed"),  # a year is not a count
        ("on Friday", "on February 24"),  # a weekday is not a date
        ("in February", "in 2022"),  # no field in common
    ],
)
def test_incomparable(a: str, b: str) -> None:
    assert not comparable(one(a), one(b))


def test_offsets_and_text() -> None:
    text = "Rogozin warned of dropping a 500-tonne structure on Feb. 24, 2022."
    found = find(text)
    assert [q.text for q in found] == ["500-tonne", "Feb. 24, 2022"]
    for q in found:
        assert text[q.start : q.end] == q.text
    assert found[0].value == (Fraction(500),) and found[0].unit == "t"
    assert found[1].kind == "date" and found[1].value == (2022, 2, 24)


def test_start_end_window() -> None:
    text = "5 dead. 7 injured."
    assert [q.text for q in find(text, 8, len(text))] == ["7"]


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases rose",  # part of a name
        "the G20 summit",
        "a Boeing 737MAX",
        "the 1990s",
        "Theresa May said",  # a name, not a month
        "no one was hurt",  # a pronoun, not 1
        "we may go",
        "In March on Washington",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize(
    "text", ["", "Привет 500-тонной", "中国 500 🙂", "\x00\x1b[31m 5", "1.2.3.4", "$", "99:99"]
)
def test_odd_text_does_not_break(text: str) -> None:
    for q in find(text):
        assert text[q.start : q.end] == q.text


def test_cyrillic_number_is_found() -> None:
    assert one("падения 500-тонной конструкции").value == (Fraction(500),)


def test_ages_and_hyphenated_one() -> None:
    assert one("the 37-year-old").unit == "age"
    assert same(one("the 37-year-old"), one("the 37 year old man"))
    assert find("a one-sided fight") == []
    assert one("a five-year plan").unit == "year"
