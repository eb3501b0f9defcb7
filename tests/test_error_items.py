"""Error items for machines: loc, an RFC 6901 pointer, dicts, and a cap on how many come."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles.testing import sample_portfolio


def _problems(data, cls=sr.Portfolio, **kwargs) -> list[sr.ErrorItem]:
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(data, cls, **kwargs)
    return list(caught.value.errors)


def _bad_customers(n: int) -> dict:
    return {
        "customers": [
            {"id": f"C-{i}", "name": "N", "segment": "huge", "status": "active"} for i in range(n)
        ]
    }


def test_loc_and_pointer_follow_the_path():
    item = sr.ErrorItem(path="plans[1].period.end", message="m", code="c")
    assert item.loc == ("plans", 1, "period", "end")
    assert item.pointer == "/plans/1/period/end"
    root = sr.ErrorItem(path="", message="m", code="invalid_json")
    assert (root.loc, root.pointer) == ((), "")
    assert sr.ErrorItem(path="[3]", message="m", code="c").loc == (3,)


def test_a_frames_error_keeps_the_id_its_row_is_known_by():
    """Portfolio.from_frames names rows by id; loc and pointer keep the id whole."""
    frames = sample_portfolio().to_frames()
    customers = frames["customers"]
    customers["segment"] = customers["segment"].astype(str)  # a category may not be "huge"
    customers.loc["C-ACME", "segment"] = "huge"
    with pytest.raises(sr.ValidationError) as caught:
        sr.Portfolio.from_frames(frames)
    (item,) = caught.value.errors
    assert item.path == "customers[C-ACME].segment"
    assert item.loc == ("customers", "C-ACME", "segment")
    assert item.pointer == "/customers/C-ACME/segment"


def test_a_pointer_escapes_tilde_and_slash_as_rfc_6901_says():
    item = sr.ErrorItem(path="rules.a/b~c.severity", message="m", code="c")
    assert item.pointer == "/rules/a~1b~0c/severity"


def test_every_item_of_a_real_document_points_at_what_it_names():
    """Each pointer, resolved in the document sent, finds the bad value (or its parent)."""
    data = sr.unstructure(sample_portfolio())
    data["customers"][1]["segment"] = "huge"
    data["plans"][0]["period"]["end"] = "soon"
    data["deals"][1]["value"]["amount"] = 12.5
    items = _problems(data)
    for item in items:
        node = data
        for step in item.loc:
            node = node[step]  # a KeyError or IndexError here: the pointer names nothing
    assert [i.pointer for i in items] == [
        "/customers/1/segment",
        "/plans/0/period/end",
        "/deals/1/value/amount",
    ]


def test_to_dict_and_to_dicts_are_json_ready():
    error = sr.ValidationError(
        [sr.ErrorItem(path="customers[0].segment", message="got 'huge'", code="invalid_enum")]
    )
    (item,) = error.to_dicts()
    assert item == {
        "path": "customers[0].segment",
        "loc": ["customers", 0, "segment"],
        "pointer": "/customers/0/segment",
        "message": "got 'huge'",
        "code": "invalid_enum",
        "template": None,
        "params": {},
    }
    assert json.loads(json.dumps(error.to_dicts())) == [item]


@given(
    st.lists(
        st.one_of(
            st.integers(0, 99),
            st.text(st.characters(blacklist_characters=".[]"), min_size=1, max_size=8),
        ),
        max_size=6,
    )
)
def test_loc_reads_back_every_path_the_library_writes(steps):
    """Paths are built by prefixing, as the library builds them; loc reads the steps back."""
    item = sr.ErrorItem(path="", message="m", code="c")
    for step in reversed(steps):
        item = item.prefixed(f"[{step}]" if isinstance(step, int) else step)
    assert item.loc == tuple(steps)  # a key "12" stays a key: only "[12]" is an index
    assert item.pointer == "".join(
        "/" + str(s).replace("~", "~0").replace("/", "~1") for s in steps
    )


def test_at_most_100_problems_by_default_then_how_many_were_left_out():
    items = _problems(_bad_customers(150))
    assert len(items) == 101
    assert [i.code for i in items[:100]] == ["invalid_enum"] * 100
    last = items[-1]
    assert (last.code, last.path) == ("too_many_errors", "")
    assert "got 50 more problems" in last.message
    assert "max_errors=None" in last.message


@pytest.mark.parametrize("read", [sr.structure, sr.structure_json])
@given(n=st.integers(1, 30), limit=st.one_of(st.none(), st.integers(1, 40)))
def test_max_errors_keeps_the_first_problems_and_counts_the_rest(read, n, limit):
    data = _bad_customers(n)
    payload = json.dumps(data) if read is sr.structure_json else data
    with pytest.raises(sr.ValidationError) as caught:
        read(payload, sr.Portfolio, max_errors=limit)
    everything = _problems(data, max_errors=None)
    got = list(caught.value.errors)
    if limit is None or n <= limit:
        assert got == everything
    else:
        assert got[:limit] == everything[:limit]
        assert len(got) == limit + 1
        assert got[-1].code == "too_many_errors"
        assert f"got {n - limit} more problem" in got[-1].message


def test_repeated_keys_count_toward_the_cap():
    customers = ",".join(
        f'{{"id": "C-{i}", "id": "C-{i}", "name": "N", "segment": "huge", "status": "active"}}'
        for i in range(3)
    )
    text = '{"customers": [' + customers + "]}"
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(text, sr.Portfolio, max_errors=4)
    assert [i.code for i in caught.value.errors] == ["duplicate_key"] * 3 + [
        "invalid_enum",
        "too_many_errors",
    ]


@pytest.mark.parametrize("bad", [0, -1, 2.5, "10", True])
def test_max_errors_is_a_whole_number_above_0_or_none(bad):
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({}, sr.Money, max_errors=bad)
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("max_errors", "out_of_range")


def test_a_large_document_of_bad_values_gets_a_small_answer():
    """The issue's 100 000 bad values: about 100 items, not 13 MB of them."""
    data = {"products": [{"id": f"P-{i}", "name": 1} for i in range(100_000)]}
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(json.dumps(data), sr.Portfolio)
    answer = json.dumps(caught.value.to_dicts())
    assert len(caught.value.errors) == 101
    assert len(answer) < 40_000  # each item with its message's template and params
    assert "99900 more problems" in caught.value.errors[-1].message
