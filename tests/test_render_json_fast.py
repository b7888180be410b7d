"""The indented JSON writer (render/json.py) writes exactly what json_dumps(indent=2) writes."""

from __future__ import annotations

import enum
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.render.escape import json_dumps
from newsdiff.render.json import indented_json

# Strings with quotes, backslashes, controls, C1 controls, bidi marks, line separators,
# astral characters and lone surrogates: everything the escapers treat apart.
_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(['"', "\\", "\n", "\x00", "\x85", "\u2028", "\u202e", "\ud800", "é"]),
    ),
    max_size=12,
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    _TEXT,
)
_KEYS = st.one_of(_TEXT, st.integers(), st.floats(), st.booleans(), st.none())
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(_KEYS, inner, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(_JSON)
def test_same_text_as_json_dumps(obj: Any) -> None:
    """Check any JSON-like value is written byte for byte as json_dumps(indent=2) writes it."""
    assert indented_json(obj) == json_dumps(obj, indent=2)


class _Code(enum.IntEnum):
    OK = 0
    FAIL = 3


def test_int_subclasses_special_floats_and_empties() -> None:
    """Check IntEnum values, NaN, infinities and empty containers at every depth."""
    obj = {
        "code": _Code.FAIL,
        "floats": [math.nan, math.inf, -math.inf, 0.1, -0.0, 1e300],
        "empty": [{}, [], ()],
        3: {None: True, 1.5: False, False: "x"},
    }
    assert indented_json(obj) == json_dumps(obj, indent=2)


def test_values_json_cannot_write_go_to_json() -> None:
    """Check an unsupported value raises json's own error, as before."""
    for bad in ({"x": {1, 2}}, [object()], {(1, 2): 3}):
        try:
            json_dumps(bad, indent=2)
        except TypeError as exc:
            expected = str(exc)
        try:
            indented_json(bad)
        except TypeError as exc:
            assert str(exc) == expected
        else:
            raise AssertionError("no TypeError")


def test_a_real_comparison_renders_as_before(tmp_path: Any) -> None:
    """Check the JSON of a small comparison equals json_dumps of its dict."""
    a = "The council approved the budget on Monday. It rose by 4%. “We are pleased,” she said."
    b = "On Monday the council passed the budget, up 5%. Critics called it “reckless.”"
    docs = [newsdiff.Document(id="a", text=a), newsdiff.Document(id="b", text=b)]
    data = newsdiff.compare(docs).to_dict()
    assert indented_json(data) == json_dumps(data, indent=2)
