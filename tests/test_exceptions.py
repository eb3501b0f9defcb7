import pickle

import pytest

from salesroles import ErrorItem, SalesRolesError, TeamMember, ValidationError


def item(path: str) -> ErrorItem:
    return ErrorItem(path=path, message="got x; expected y", code="invalid_type")


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("plans[0]", "owner", "plans[0].owner"),
        ("plans[0]", "[2]", "plans[0][2]"),
        ("plans[0]", "", "plans[0]"),
        ("", "owner", "owner"),
    ],
)
def test_paths_are_placed_under_a_prefix(prefix, path, expected):
    assert item(path).prefixed(prefix).path == expected


def test_one_problem_reads_as_one_line_and_several_as_a_list():
    assert str(ValidationError([item("owner")])) == "owner: got x; expected y"
    assert str(ValidationError([item("")])) == "got x; expected y"
    many = ValidationError([item("a"), item("b")])
    assert str(many).splitlines() == [
        "2 problems:",
        "  a: got x; expected y",
        "  b: got x; expected y",
    ]


def test_a_validation_error_is_a_value_error_and_pickles_with_its_items():
    with pytest.raises(ValidationError) as caught:
        TeamMember(id="", name="", role="boss")
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, SalesRolesError)
    copy = pickle.loads(pickle.dumps(error))
    assert copy.errors == error.errors
    assert str(copy) == str(error)


def test_prefixing_a_whole_error():
    error = ValidationError([item("owner"), item("period.end")]).prefixed("plans[3]")
    assert [i.path for i in error.errors] == ["plans[3].owner", "plans[3].period.end"]
