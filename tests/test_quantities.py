"""The quantity finder's general rules on tiny inputs: names, scores, changes, fractions, vague plurals, scales."""

from __future__ import annotations

import pytest

from boardpapers.extract.quantities import find_quantities


def _values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The S&P 500 closed the session lower.",  # an index name
        "He bought the new iPhone 11 yesterday.",  # a product name
        "Thompson tied Game 7 with a late layup.",
        "They won the tie 2-1 at home.",  # a score, not a range
        "It ended 89-89.",
        "It was logged at 2019-09-01T10:38:07.190Z by the system.",  # a timestamp
        "Trading opened at 0401 GMT on Friday.",
        "The temple was built between A.D. 1000 and 1260 by the Popolocas.",  # years before 1900
        "Sea levels could rise a lot by 2120, scientists warn.",
        "The hunt takes place on Sept. 20-24 this year.",  # a run of days
        "You can reuse the same one again, or each one in turn.",  # "one" standing for a thing
        "It was broadcast on BBC One.",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_printed_minus_sign_needs_no_letter_or_digit_before_it() -> None:
    assert _values("The index fell -1.3% today") == [pytest.approx(-1.3)]
    assert _values("it was minus-5 yards and minus 233 Celsius") == [-5, -233]


def test_a_change_then_its_new_level_is_not_a_range() -> None:
    found = find_quantities("Shares rose 6.5% to 164p and the deficit increased by $43.6 billion to $419.2 billion.")
    assert [(q.value, q.value_high) for q in found] == [(6.5, None), (164, None), (43.6e9, None), (419.2e9, None)]
    ranged = find_quantities("Temperatures dropped by 1 to 1.5 degrees Celsius.")
    assert [(q.value, q.value_high, q.unit_name) for q in ranged] == [(1, 1.5, "celsius")]


def test_from_to_change_marks_both_ends_and_shares_the_unit_or_scale() -> None:
    found = find_quantities("Growth will slow from 4.8 to 4.7 percent, and funding grows from $10 to $15 billion.")
    assert [(q.value, q.unit, q.endpoint) for q in found] == [
        (4.8, "percent", True),
        (4.7, "percent", True),
        (10e9, "USD", True),
        (15e9, "USD", True),
    ]
    # the first end is written larger: it takes no scale from the second
    assert _values("Claims ranged from $200 to $4 million.") == [200, 4e6]


def test_ranges_keep_their_own_scale() -> None:
    found = find_quantities("Prices range from about $800,000 each; between $800,000 and $1.3 million overall.")
    assert (found[-1].value, found[-1].value_high) == (800_000, 1_300_000)
    spelled = find_quantities("There are four thousand to five thousand people.")
    assert [(q.value, q.value_high) for q in spelled] == [(4000, 5000)]
    assert [(q.value, q.value_high) for q in find_quantities("four to five thousand people")] == [(4000, 5000)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("One in four residents felt unsafe.", 0.25),
        ("one out of three Germans", 1 / 3),
        ("just one of four mission concepts", 0.25),
        ("almost half of which are in California", 0.5),
        ("1/16 of a pint", 1 / 16),
        ("1⁄32 of a quart", 1 / 32),
    ],
)
def test_fractions(text: str, value: float) -> None:
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(value), "ratio")]


def test_fractions_in_words_keep_their_count_unit() -> None:
    assert [(q.value, q.unit) for q in find_quantities("One fourth of the population")] == [(0.25, "count")]


def test_vague_plurals_are_ranges_of_their_order_of_magnitude() -> None:
    found = find_quantities("It added tens of thousands of dollars; dozens of people came.")
    assert [(q.value, q.value_high, q.unit, q.qualifier) for q in found] == [
        (10_000, 100_000, "USD", "approximately"),
        (12, 120, "count", "approximately"),
    ]
    assert find_quantities("the second half of the year") == []


@pytest.mark.parametrize(
    ("text", "value", "unit_name"),
    [
        ("There were 4 hundred million people.", 4e8, None),
        ("Qantas wants $4.2b from government.", 4.2e9, "$"),
        ("a deal worth PS8.1bn", 8.1e9, "PS"),
        ("a package of INR1 trillion", 1e12, "indian rupee"),
        ("selling for 7,199 Chinese yuan", 7199, "chinese yuan"),
        ("it has 35m of its devices installed", 35e6, None),
        ("light travels at 2.998×10−8 metres", 2.998e-8, "metre"),
        ("demand for sub-300 sq m offices", 300, "square metre"),
        ("a 550 megawatt solar farm", 550, "megawatt"),
        ("a 52,000 barrels a day refinery", 52_000, "barrel per day"),
        ("it runs on 5G networks", 5, None),
    ],
)
def test_scales_currencies_and_units(text: str, value: float, unit_name: str | None) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    assert found[0].value == pytest.approx(value)
    assert found[0].unit_name == unit_name


def test_ages() -> None:
    old = find_quantities("her 18 month-old daughter")
    assert [(q.value, q.age, q.unit_name) for q in old] == [(18, True, "month of age")]
    assert all(q.age for q in find_quantities("Senard, 65, now faces a task."))
