"""classify_title and classify_duties: titles are not roles (S0.2), and never a guess."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesroles import (
    MERGED,
    Responsibility,
    Role,
    RoleFit,
    TitleMatch,
    ValidationError,
    classify_duties,
    classify_title,
)

AM, SR, SM, SC, MKT = (
    Role.ACCOUNT_MANAGER,
    Role.SALES_REP,
    Role.SALES_MANAGER,
    Role.SALES_COORDINATOR,
    Role.MARKETING,
)

# DOMAIN.md section 2, English and German, as written there.
SECTION_2 = [
    ("Account Manager", AM),
    ("Key Account Manager", AM),
    ("Client Account Manager", AM),
    ("Customer Account Manager", AM),
    ("Kontomanager", AM),
    ("Kundenbetreuer", AM),
    ("Key-Account-Manager", AM),
    ("Sales Representative", SR),
    ("Sales Rep", SR),
    ("Field Sales Representative", SR),
    ("Vertriebsmitarbeiter", SR),
    ("Außendienstmitarbeiter", SR),
    ("Verkäufer", SR),
    ("Sales Manager", SM),
    ("Vertriebsmanager", SM),
    ("Vertriebsleiter", SM),
    ("Sales Coordinator", SC),
    ("Sales Administrator", SC),
    ("Vertriebskoordinator", SC),
    ("Vertriebsinnendienst", SC),
    ("Marketing", MKT),
]


@pytest.mark.parametrize(("title", "role"), SECTION_2)
def test_every_title_of_the_domain_is_known_exactly(title, role):
    match = classify_title(title)
    assert match.role is role
    assert match.how == "exact"
    assert match.confidence == 1.0
    assert match.claims == ("S0.2",)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Vertriebsmitarbeiterin", SR),
        ("Außendienstmitarbeiterin", SR),
        ("Verkäuferin", SR),
        ("Kundenbetreuerin", AM),
        ("Kundenbetreuer/in", AM),
        ("Kundenbetreuer/-in", AM),
        ("Kundenbetreuer*in", AM),
        ("Kundenbetreuer:in", AM),
        ("Kundenbetreuer_in", AM),
        ("Kundenbetreuer(in)", AM),
        ("KundenbetreuerIn", AM),
        ("Vertriebsleiterin", SM),
        ("Vertriebsmanagerin", SM),
        ("Vertriebskoordinatorin", SC),
        ("Key-Account-Managerin", AM),
        ("Kontomanagerin", AM),
        ("Key Account Managerin", AM),
        ("Vertriebsmitarbeiter (m/w/d)", SR),
        ("Vertriebsmitarbeiter (w/m/d)", SR),
        ("Sales Representative (m/f/d)", SR),
        ("Account Manager (all genders)", AM),
        ("Vertriebsinnendienst m/w/d", SC),
    ],
)
def test_german_gender_forms_and_notes_are_understood(title, role):
    match = classify_title(title)
    assert match.role is role
    assert match.how == "normalised"
    assert match.confidence == 0.9


@pytest.mark.parametrize(
    ("title", "role", "seniority"),
    [
        ("Senior Key Account Manager", AM, "senior"),
        ("Junior Sales Rep", SR, "junior"),
        ("Sr. Sales Manager", SM, "senior"),
        ("Jr Account Manager", AM, "junior"),
        ("Senior-Key-Account-Managerin (m/w/d)", AM, "senior"),
        ("Junior Vertriebsmitarbeiter (m/w/d)", SR, "junior"),
    ],
)
def test_seniority_words_are_set_aside_and_reported(title, role, seniority):
    match = classify_title(title)
    assert match.role is role
    assert match.seniority == seniority
    assert match.how == "normalised"


@pytest.mark.parametrize(
    "title",
    [
        "KEY ACCOUNT MANAGER",
        "key account manager",
        "  Key   Account  Manager ",
        "Key-Account Manager",
        "key_account_manager",
        "KeyAccountManager",
    ],
)
def test_case_spacing_and_hyphens_do_not_matter(title):
    match = classify_title(title)
    assert match.role is AM
    assert match.how == "exact"
    assert match.matched == "Key Account Manager"


@pytest.mark.parametrize(
    ("title", "role"),
    [("Verkaeufer", SR), ("AUSSENDIENSTMITARBEITER", SR), ("Aussendienstmitarbeiterin", SR)],
)
def test_umlauts_may_be_spelled_out(title, role):
    assert classify_title(title).role is role


@pytest.mark.parametrize(
    "title",
    [
        "Account Executive",
        "Head of Sales",
        "Marketing Manager",
        "Software Engineer",
        "Buchhalterin",
        "Sales",
        "Manager",
        "Senior",
        "",
        "   ",
        "(m/w/d)",
        "Sales Representative / Account Manager",
        "Marketin",
        # "in" is a German feminine ending of a title word, never a word of its own or
        # an ending glued onto any title
        "Sales Rep in",
        "Sales Repin",
        "Sales Representative in",
        "Marketingin",
        "Marketing in",
        "Kundenbetreuer in",
        "Vertriebsinnendienstin",
        "Key Account Manager in",
        "Account Manager in (m/w/d)",
        "Senior Sales Rep in",
    ],
)
def test_unrelated_titles_get_no_role_never_a_guess(title):
    match = classify_title(title)
    assert match.role is None
    assert match.how == "unknown"
    assert match.confidence == 0.0
    assert match.matched is None
    assert "no known role" in str(match)


def test_a_company_alias_table_overrides_the_built_in_one():
    aliases = {"Account Manager": "sales_rep", "Account Executive": Role.ACCOUNT_MANAGER}
    match = classify_title("Account Manager", aliases=aliases)
    assert match.role is SR
    assert match.how == "company"
    assert match.confidence == 1.0
    assert classify_title("Account Executive", aliases=aliases).role is AM
    assert classify_title("Senior Account-Managerin (m/w/d)", aliases=aliases).role is SR
    assert classify_title("Key Account Manager", aliases=aliases).role is AM


def test_a_company_alias_with_a_seniority_matches_only_that_seniority():
    aliases = {"Senior Account Manager": "sales_manager"}
    assert classify_title("Senior Account Manager", aliases=aliases).role is SM
    assert classify_title("Sr. Account-Managerin", aliases=aliases).role is SM
    plain = classify_title("Account Manager", aliases=aliases)
    assert plain.role is AM
    assert plain.how == "exact"
    assert classify_title("Junior Account Manager", aliases=aliases).role is AM


def test_a_company_can_say_a_title_is_no_sales_role():
    match = classify_title("Marketing", aliases={"Marketing": None})
    assert match.role is None
    assert match.how == "company"
    assert "no sales role" in str(match)


def test_a_match_reads_well():
    match = classify_title("Kundenbetreuer/in")
    assert isinstance(match, TitleMatch)
    assert str(match) == (
        "'Kundenbetreuer/in': account_manager (normalised match of 'Kundenbetreuer', "
        "confidence 0.9)"
    )


@pytest.mark.parametrize(
    ("call", "paths"),
    [
        (lambda: classify_title(None), ["title"]),
        (lambda: classify_title(42), ["title"]),
        (lambda: classify_title("x", aliases=["Account Manager"]), ["aliases"]),
        (
            lambda: classify_title("x", aliases={"Account Manager": "boss", "": "sales_rep"}),
            ["aliases.Account Manager", "aliases."],
        ),
        (lambda: classify_title("x", aliases={3: "sales_rep"}), ["aliases.3"]),
    ],
)
def test_bad_input_is_refused_with_its_path(call, paths):
    with pytest.raises(ValidationError) as caught:
        call()
    assert [e.path for e in caught.value.errors] == paths


@given(st.text(max_size=40))
def test_classify_title_never_raises_on_text(title):
    match = classify_title(title)
    assert (match.role is None) == (match.how == "unknown")


@given(
    st.sampled_from(SECTION_2),
    st.sampled_from(["", "Senior ", "Junior ", "Sr. "]),
    st.sampled_from(["", " (m/w/d)", " (w/m/d)"]),
    st.sampled_from([str, str.upper, str.lower]),
)
def test_decorated_titles_keep_their_role(known, prefix, note, case):
    title, role = known
    assert classify_title(case(prefix + title + note)).role is role


# -- duties --


def test_key_account_duties_describe_an_account_manager():
    fit = classify_duties(
        ["manage_key_accounts", "write_account_plan", "defend_against_competitors"]
    )
    assert isinstance(fit, RoleFit)
    assert fit.role is AM
    assert fit.candidates == (AM,)
    assert fit.score(AM) == 1.0
    assert fit.score("sales_rep") == 0.0
    assert not fit.mixed
    assert "S0.2" not in fit.claims
    assert fit.policy == "strict"


def test_new_business_duties_describe_a_sales_rep():
    fit = classify_duties([Responsibility.PROSPECTING, "follow_up_leads", "field_sales"])
    assert fit.role is SR
    assert fit.duties_of(SR) == (
        Responsibility.PROSPECTING,
        Responsibility.FOLLOW_UP_LEADS,
        Responsibility.FIELD_SALES,
    )
    assert "the work of a sales representative" in fit.reason


def test_a_job_mixing_new_business_and_key_account_duties_is_reported_as_mixed_citing_s02():
    fit = classify_duties(["prospecting", "follow_up_leads", "manage_key_accounts"])
    assert fit.mixed
    assert fit.role is None
    assert fit.candidates == (SR,)
    assert fit.score(SR) == pytest.approx(2 / 3)
    assert fit.claims[-2:] == ("S1.4", "S0.2")
    assert "mixes new-business duties (prospecting, follow_up_leads)" in fit.reason
    assert "key-account duties (manage_key_accounts)" in fit.reason
    assert "S0.2" in str(fit)
    assert fit.evidence == (
        (Responsibility.PROSPECTING, (SR,)),
        (Responsibility.FOLLOW_UP_LEADS, (SR,)),
        (Responsibility.MANAGE_KEY_ACCOUNTS, (AM,)),
    )


def test_under_merged_a_mixed_job_fits_both_titles_alike():
    fit = classify_duties(["prospecting", "manage_key_accounts"], policy=MERGED)
    assert fit.mixed
    assert fit.role is None
    assert fit.candidates == (AM, SR)
    assert "alike under policy 'merged'" in fit.reason
    assert "S0.2" in fit.claims


def test_shared_duties_do_not_tell_roles_apart():
    fit = classify_duties(["propose_customization", "propose_customization"])
    assert fit.role is None
    assert fit.candidates == (AM, MKT)
    assert len(fit.evidence) == 1
    assert not fit.mixed


def test_no_duties_fit_no_role():
    fit = classify_duties([])
    assert fit.role is None
    assert fit.candidates == ()
    assert fit.reason == "No duties given: no role fits."
    assert str(fit) == "No duties given: no role fits. [no duties; -]"


def test_a_custom_policy_changes_the_fit():
    from salesroles import STRICT

    policy = STRICT.named("acme").with_owners("order_administration", "sales_rep")
    assert classify_duties(["order_administration"], policy=policy).role is SR
    assert classify_duties(["order_administration"]).role is SC


@pytest.mark.parametrize(
    ("duties", "paths"),
    [
        ("prospecting", ["responsibilities"]),
        (None, ["responsibilities"]),
        ({"prospecting": 1}, ["responsibilities"]),
        (["prospecting", "make_coffee", 3], ["responsibilities[1]", "responsibilities[2]"]),
    ],
)
def test_duties_that_name_nothing_are_refused_with_their_path(duties, paths):
    with pytest.raises(ValidationError) as caught:
        classify_duties(duties)
    assert [e.path for e in caught.value.errors] == paths


@given(st.lists(st.sampled_from(Responsibility), max_size=8))
def test_a_fit_is_consistent_with_its_scores(duties):
    fit = classify_duties(duties)
    best = max(s for _, s in fit.scores)
    assert all(fit.score(r) == best for r in fit.candidates)
    if fit.role is not None:
        assert fit.score(fit.role) == 1.0
        assert fit.candidates == (fit.role,)
    new = {Responsibility.PROSPECTING, Responsibility.FOLLOW_UP_LEADS}
    if fit.mixed:
        assert new & set(duties)
        assert "S0.2" in fit.claims


@pytest.mark.parametrize("role", ["bogus", 5, None])
@pytest.mark.parametrize("method", ["score", "duties_of"])
def test_asking_a_fit_about_no_role_is_refused_naming_the_argument_and_the_roles(method, role):
    fit = classify_duties(["prospecting"])
    with pytest.raises(ValidationError) as caught:
        getattr(fit, method)(role)
    [item] = caught.value.errors
    assert item.path == "role"
    assert item.code == "invalid_enum"
    assert "'account_manager'" in item.message
    assert "'marketing'" in item.message
    assert fit.score("sales_rep") == 1.0
    assert fit.duties_of(Role.SALES_REP) == (Responsibility.PROSPECTING,)


@pytest.mark.parametrize(
    "dash", ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"]
)
def test_unicode_dashes_are_hyphens(dash):
    exact = classify_title(f"Key{dash}Account{dash}Manager")
    assert exact.role is AM
    assert exact.how == "exact"
    assert classify_title(f"Key{dash}Account{dash}Managerin").role is AM
    assert classify_title(f"Kundenbetreuer/{dash}in").role is AM
    assert classify_title(f"Kundenbetreuer({dash}in)").role is AM
    assert classify_title(f"Vertriebsmitarbeiter {dash} Außendienst").role is None


def test_a_feminine_company_alias_form_matches_the_alias_but_junk_does_not():
    aliases = {"Vertriebsassistent": "sales_coordinator", "Sales Agent": "sales_rep"}
    assert classify_title("Vertriebsassistentin", aliases=aliases).role is SC
    assert classify_title("Vertriebsassistentin", aliases=aliases).how == "company"
    assert classify_title("Vertriebsassistent in", aliases=aliases).role is None
    assert classify_title("Sales Agent in", aliases=aliases).role is None
