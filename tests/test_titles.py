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
from salesroles._rules import vocabulary
from salesroles._rules.titles import _key, _read_words

AM, SR, SM, SC, MKT = (
    Role.ACCOUNT_MANAGER,
    Role.SALES_REP,
    Role.SALES_MANAGER,
    Role.SALES_COORDINATOR,
    Role.MARKETING,
)

# docs/domain.md, roles and titles, English and German, as written there.
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
    """Every title of docs/domain.md, roles and titles matches exactly, citing S0.2."""
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
    """German gender forms and gender notes leave the role and make the match normalised."""
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
    """Seniority words do not change the role and are reported."""
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
    """Case, spacing, hyphens and underscores leave an exact match."""
    match = classify_title(title)
    assert match.role is AM
    assert match.how == "exact"
    assert match.matched == "Key Account Manager"


@pytest.mark.parametrize(
    ("title", "role"),
    [("Verkaeufer", SR), ("AUSSENDIENSTMITARBEITER", SR), ("Aussendienstmitarbeiterin", SR)],
)
def test_umlauts_may_be_spelled_out(title, role):
    """Umlauts written as ae, oe, ue and ss match."""
    assert classify_title(title).role is role


@pytest.mark.parametrize(
    "title",
    [
        "Software Engineer",
        "Buchhalterin",
        "Sales",
        "Manager",
        "Senior",
        "",
        "   ",
        "(m/w/d)",
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
    """A title that names no known role gets none, never a guess."""
    match = classify_title(title)
    assert match.role is None
    assert match.how == "unknown"
    assert match.confidence == 0.0
    assert match.matched is None
    assert "no known role" in str(match)


def test_a_company_alias_table_overrides_the_built_in_one():
    """The company's own titles win over the built-in ones."""
    aliases = {"Account Manager": "sales_rep", "Account Executive": Role.ACCOUNT_MANAGER}
    match = classify_title("Account Manager", aliases=aliases)
    assert match.role is SR
    assert match.how == "company"
    assert match.confidence == 1.0
    assert classify_title("Account Executive", aliases=aliases).role is AM
    assert classify_title("Senior Account-Managerin (m/w/d)", aliases=aliases).role is SR
    assert classify_title("Key Account Manager", aliases=aliases).role is AM


def test_a_company_alias_with_a_seniority_matches_only_that_seniority():
    """An alias that names a seniority matches that seniority only."""
    aliases = {"Senior Account Manager": "sales_manager"}
    assert classify_title("Senior Account Manager", aliases=aliases).role is SM
    assert classify_title("Sr. Account-Managerin", aliases=aliases).role is SM
    plain = classify_title("Account Manager", aliases=aliases)
    assert plain.role is AM
    assert plain.how == "exact"
    assert classify_title("Junior Account Manager", aliases=aliases).role is AM


def test_a_company_can_say_a_title_is_no_sales_role():
    """An alias to None says the title is no sales role."""
    match = classify_title("Marketing", aliases={"Marketing": None})
    assert match.role is None
    assert match.how == "company"
    assert "no sales role" in str(match)


def test_a_match_reads_well():
    """A match prints as one sentence with its role, kind and confidence."""
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
    """A title that is no string, or aliases that name no role, are refused by path."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert [e.path for e in caught.value.errors] == paths


@given(st.text(max_size=40))
def test_classify_title_never_raises_on_text(title):
    """Any text is read: a role only when the title is neither unknown nor ambiguous."""
    match = classify_title(title)
    assert (match.role is None) == (match.how in ("unknown", "ambiguous"))


@given(
    st.sampled_from(SECTION_2),
    st.sampled_from(["", "Senior ", "Junior ", "Sr. "]),
    st.sampled_from(["", " (m/w/d)", " (w/m/d)"]),
    st.sampled_from([str, str.upper, str.lower]),
)
def test_decorated_titles_keep_their_role(known, prefix, note, case):
    """Seniority words, gender notes and case never change a known title's role."""
    title, role = known
    assert classify_title(case(prefix + title + note)).role is role


# -- duties --


def test_key_account_duties_describe_an_account_manager():
    """Key-account duties describe an account manager."""
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
    """New-business duties describe a sales representative."""
    fit = classify_duties([Responsibility.PROSPECTING, "follow_up_leads", "field_sales"])
    assert fit.role is SR
    assert fit.duties_of(SR) == (
        Responsibility.PROSPECTING,
        Responsibility.FOLLOW_UP_LEADS,
        Responsibility.FIELD_SALES,
    )
    assert "the work of a sales representative" in fit.reason


def test_a_job_mixing_new_business_and_key_account_duties_is_reported_as_mixed_citing_s02():
    """A job mixing new-business and key-account duties is mixed and cites S1.4 and S0.2."""
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
    """Under the merged policy a mixed job fits both titles alike."""
    fit = classify_duties(["prospecting", "manage_key_accounts"], policy=MERGED)
    assert fit.mixed
    assert fit.role is None
    assert fit.candidates == (AM, SR)
    assert "alike under policy 'merged'" in fit.reason
    assert "S0.2" in fit.claims


def test_shared_duties_do_not_tell_roles_apart():
    """Duties two roles share do not tell them apart."""
    fit = classify_duties(["propose_customization", "propose_customization"])
    assert fit.role is None
    assert fit.candidates == (AM, MKT)
    assert len(fit.evidence) == 1
    assert not fit.mixed


def test_no_duties_fit_no_role():
    """No duties fit no role."""
    fit = classify_duties([])
    assert fit.role is None
    assert fit.candidates == ()
    assert fit.reason == "No duties given: no role fits."
    assert str(fit) == "No duties given: no role fits. [no duties; -]"


def test_a_custom_policy_changes_the_fit():
    """A policy that moves a duty moves the fit with it."""
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
    """Duties that name no responsibility are refused, each by its path."""
    with pytest.raises(ValidationError) as caught:
        classify_duties(duties)
    assert [e.path for e in caught.value.errors] == paths


@given(st.lists(st.sampled_from(Responsibility), max_size=8))
def test_a_fit_is_consistent_with_its_scores(duties):
    """A fit's role and candidates agree with its scores."""
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
    """Asking a fit about something that is no role names the argument and the roles."""
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
    """Unicode dashes inside a title are hyphens; spaced, they set a qualifier aside."""
    exact = classify_title(f"Key{dash}Account{dash}Manager")
    assert exact.role is AM
    assert exact.how == "exact"
    assert classify_title(f"Key{dash}Account{dash}Managerin").role is AM
    assert classify_title(f"Kundenbetreuer/{dash}in").role is AM
    assert classify_title(f"Kundenbetreuer({dash}in)").role is AM
    spaced = classify_title(f"Vertriebsmitarbeiter {dash} Außendienst")
    assert spaced.role is SR
    assert spaced.qualifiers == ("Außendienst",)


def test_a_feminine_company_alias_form_matches_the_alias_but_junk_does_not():
    """A company alias matches its feminine form, but not a stray word after it."""
    aliases = {"Vertriebsassistent": "sales_coordinator", "Sales Agent": "sales_rep"}
    assert classify_title("Vertriebsassistentin", aliases=aliases).role is SC
    assert classify_title("Vertriebsassistentin", aliases=aliases).how == "company"
    assert classify_title("Vertriebsassistent in", aliases=aliases).role is None
    assert classify_title("Sales Agent in", aliases=aliases).role is None


# -- titles in the wild --

# The titles the issue "Titles and duties in the wild" lists, with the role docs/domain.md gives.
FROM_THE_ISSUE = [
    ("Leiter Vertrieb", SM),
    ("Head of Sales", SM),
    ("Regional Sales Manager", SM),
    ("Key Account Manager DACH", AM),
    ("Key Account Manager - Automotive", AM),
    ("KAM", AM),
    ("Vertriebsmitarbeiter Außendienst", SR),
    ("Gebietsverkaufsleiter", SM),
    ("Inside Sales Representative", SR),
    ("Sachbearbeiter Vertriebsinnendienst", SC),
    ("Account Executive", SR),
    ("Business Development Manager", SR),
    ("Marketing Manager", MKT),
    # and the rest of the domain page's roles and titles
    ("Vertriebsleiter", SM),
    ("Area Sales Manager", SM),
    ("Business Development Representative", SR),
    ("SDR", SR),
    ("BDR", SR),
    ("BDM", SR),
    ("AE", SR),
    ("Vertriebsinnendienst", SC),
    ("Sachbearbeiter Vertrieb", SC),
    ("Sachbearbeiter Auftragsabwicklung", SC),
    ("Online-Marketing-Manager", MKT),
    ("Kundenberater", AM),
    ("Kundenbetreuer", AM),
    ("Senior Key Account Manager DACH \u2013 Automotive", AM),
    ("Vertriebsaußendienst", SR),
    ("Außendienstmitarbeiterin", SR),
]


@pytest.mark.parametrize(("title", "role"), FROM_THE_ISSUE)
def test_every_title_of_the_issue_gets_its_role(title, role):
    """Each title the issue lists gets the role docs/domain.md gives it, with a confidence."""
    match = classify_title(title)
    assert match.role is role
    assert match.candidates == (role,)
    assert not match.ambiguous
    assert match.unknown_words == ()
    assert match.confidence >= 0.8
    assert match.matched is not None


# Titles as people carry them: seniority, levels, regions, industries, dashes, commas, "für",
# brackets, gender forms and notes, English and German.
IN_THE_WILD = [
    ("Senior Account Executive", SR),
    ("Enterprise Account Executive - EMEA", SR),
    ("Account Executive II", SR),
    ("Lead Sales Development Representative", SR),
    ("Inside Sales Rep (Remote)", SR),
    ("Field Sales Representative, Midwest", SR),
    ("Business Development Representative (BDR)", SR),
    ("Sr. SDR", SR),
    ("Regional Sales Manager - North America", SM),
    ("Area Sales Manager Süd", SM),
    ("Head of Sales DACH", SM),
    ("VP of Sales", SM),
    ("Director of Sales, Europe", SM),
    ("Sales Manager (m/w/d) DACH", SM),
    ("Global Key Account Manager", AM),
    ("Strategic Account Manager (Automotive)", AM),
    ("National Account Manager", AM),
    ("Customer Account Manager for Retail", AM),
    ("Junior Key Account Manager Pharma", AM),
    ("Digital Marketing Manager", MKT),
    ("Head of Marketing", MKT),
    ("Sales Coordinator \u2013 EMEA", SC),
    ("Vertriebsmitarbeiterin im Außendienst (m/w/d)", SR),
    ("Außendienstmitarbeiter (m/w/d) Region Nord", SR),
    ("Vertriebsmitarbeiter Außendienst \u2013 Region Bayern", SR),
    ("Verkäuferin im Außendienst", SR),
    ("Handelsvertreter für Medizintechnik", SR),
    ("Key-Account-Managerin Lebensmitteleinzelhandel", AM),
    ("Senior Key Account Manager (w/m/d) \u2013 Automotive", AM),
    ("Key Account Manager für den Lebensmitteleinzelhandel", AM),
    ("Kundenberaterin", AM),
    ("Großkundenbetreuer/in", AM),
    ("Leiterin Vertrieb DACH", SM),
    ("Vertriebsleiter*in", SM),
    ("Gebietsverkaufsleiter Süd (m/w/d)", SM),
    ("Teamleiter Vertrieb", SM),
    ("Mitarbeiter Vertriebsinnendienst (m/w/d)", SC),
    ("Mitarbeiter im Vertriebsinnendienst", SC),
    ("Sachbearbeiterin Auftragsabwicklung", SC),
    ("Sachbearbeiter*in Vertrieb", SC),
    ("Vertriebskoordinatorin", SC),
    ("Vertriebsinnendienst / Auftragsabwicklung", SC),
    ("Online-Marketing-Managerin (m/w/d)", MKT),
    ("Marketingleiterin", MKT),
    ("Regional/Area Sales Manager", SM),
    ("Business Development Manager/Representative", SR),
    ("Kundenberater/-betreuer", AM),
]


@pytest.mark.parametrize(("title", "role"), IN_THE_WILD)
def test_titles_in_the_wild_keep_their_role(title, role):
    """Seniority, levels, regions, industries, qualifiers and gender forms keep the role."""
    match = classify_title(title)
    assert match.role is role, str(match)
    assert match.how in ("exact", "normalised", "parsed")
    assert match.candidates == (role,)
    assert match.unknown_words == ()
    assert match.claims == ("S0.2",)


@pytest.mark.parametrize(
    ("title", "seniority", "qualifiers"),
    [
        (
            "Senior Key Account Manager DACH \u2013 Automotive",
            "senior",
            ("Senior", "DACH", "Automotive"),
        ),
        ("Junior Account Manager, EMEA", "junior", ("Junior", "EMEA")),
        ("Lead Account Executive", "lead", ("Lead",)),
        ("Account Executive II", None, ("II",)),
        ("(Senior) Key Account Manager", "senior", ("Senior",)),
        (
            "Key Account Manager für den Lebensmitteleinzelhandel",
            None,
            ("den Lebensmitteleinzelhandel",),
        ),
        ("Gebietsverkaufsleiter Süd", None, ("Süd",)),
        ("Vertriebsmitarbeiter im Außendienst", None, ("Außendienst",)),
    ],
)
def test_what_is_set_aside_is_reported_as_written(title, seniority, qualifiers):
    """The seniority, levels, regions and qualifiers set aside are reported as written."""
    match = classify_title(title)
    assert match.seniority == seniority
    assert match.qualifiers == qualifiers
    assert match.how in ("normalised", "parsed")


def test_a_decorated_title_is_parsed_not_exact():
    """A title read once its qualifiers are set aside is a parsed match, less sure than exact."""
    match = classify_title("Key Account Manager - Automotive")
    assert match.how == "parsed"
    assert match.confidence == 0.8
    assert match.matched == "Key Account Manager"
    assert str(match) == (
        "'Key Account Manager - Automotive': account_manager (parsed match of "
        "'Key Account Manager', confidence 0.8); set aside: 'Automotive'"
    )


@pytest.mark.parametrize(
    ("title", "candidates"),
    [
        ("Sales Representative / Account Manager", (AM, SR)),
        ("Sales Rep and Account Manager", (AM, SR)),
        ("Account Manager (Sales Rep)", (AM, SR)),
        ("Key Account Manager / Vertriebsmitarbeiter (m/w/d)", (AM, SR)),
        ("Kundenbetreuer im Außendienst", (AM, SR)),
        ("Sales & Marketing Manager", (SM, MKT)),
        ("Vertriebs- und Marketingleiter", (SM, MKT)),
        ("Sales/Key Account Manager", (AM, SM)),
        ("Vertriebsmitarbeiter Innendienst", (SR, SC)),
    ],
)
def test_a_title_naming_two_roles_is_ambiguous(title, candidates):
    """A title that names two roles lists both and chooses none (S0.2), rather than unknown."""
    match = classify_title(title)
    assert match.ambiguous
    assert match.how == "ambiguous"
    assert match.role is None
    assert match.candidates == candidates
    assert match.confidence == 0.0
    assert match.unknown_words == ()
    assert "ambiguous between" in str(match)
    assert "S0.2" in str(match)


def test_an_ambiguous_match_reads_well():
    """An ambiguous match names both roles and S0.2."""
    assert str(classify_title("Sales Representative / Account Manager")) == (
        "'Sales Representative / Account Manager': ambiguous between account_manager and "
        "sales_rep (S0.2: one job may carry both titles)"
    )


@pytest.mark.parametrize(
    ("title", "unknown"),
    [
        ("Chief Happiness Officer", ("Happiness",)),
        ("Lagerist", ("Lagerist",)),
        ("Lageristin (m/w/d)", ("Lageristin",)),
        ("Software Engineer", ("Software", "Engineer")),
        ("Buchhalterin", ("Buchhalterin",)),
        ("Customer Success Manager", ("Success",)),
        ("Sales Manager Assistant", ("Assistant",)),
        ("Key Account Manager \u2013 Assistenz", ("Assistenz",)),
        ("Sales Rep in Ausbildung", ("Ausbildung",)),
        ("Praktikant Vertrieb", ("Praktikant",)),
        ("Werkstudent Marketing (m/w/d)", ("Werkstudent",)),
        ("Head of Key Account Management", ("Management",)),
        ("Vertriebsassistentin", ("Vertriebsassistentin",)),
        ("Key Account Manager in", ("in",)),
        ("Sales", ("Sales",)),
        ("Mitarbeiter", ("Mitarbeiter",)),
        ("Inside Sales Manager", ("Inside",)),
        ("Gebietsleiter", ("Gebietsleiter",)),
        ("Sales & Marketing", ("Sales",)),
        ("Chief Happiness Officer / Account Manager", ("Happiness",)),
    ],
)
def test_an_unknown_title_stays_unknown_and_names_the_words_it_did_not_know(title, unknown):
    """An unknown title gets no role and no candidate, and names the words it did not know."""
    match = classify_title(title)
    assert match.role is None
    assert match.how == "unknown"
    assert match.candidates == ()
    assert match.confidence == 0.0
    assert match.unknown_words == unknown
    assert f"unknown words: {', '.join(map(repr, unknown))}" in str(match)


def test_a_company_alias_wins_inside_a_decorated_title():
    """A company alias is read with the same tolerance as the built-in titles, and wins."""
    aliases = {"Account Executive": "account_manager", "Head of Sales": None}
    match = classify_title("Senior Account Executive DACH \u2013 SaaS", aliases=aliases)
    assert match.role is AM
    assert match.how == "company"
    assert match.seniority == "senior"
    assert match.qualifiers == ("Senior", "DACH", "SaaS")
    nobody = classify_title("Head of Sales (m/w/d)", aliases=aliases)
    assert nobody.role is None
    assert nobody.how == "company"
    assert (
        classify_title("Chief Happiness Officer", aliases={"Chief Happiness Officer": SR}).role
        is SR
    )


def test_an_alias_of_nothing_but_a_gender_note_matches_nothing():
    """An alias that is only a gender note is accepted and matches no title."""
    match = classify_title("(m/w/d)", aliases={"(m/w/d)": "sales_rep"})
    assert match.role is None
    assert match.how == "unknown"
    assert classify_title("Sales Rep", aliases={"(m/w/d)": "account_manager"}).role is SR


def test_a_title_match_defaults_its_candidates_to_its_role():
    """A match built by hand has its role as its one candidate, and no unknown words."""
    match = TitleMatch(title="x", role=AM, how="company", confidence=1.0)
    assert match.candidates == (AM,)
    assert match.unknown_words == match.qualifiers == ()
    assert not match.ambiguous
    assert TitleMatch(title="x", role=None, how="unknown", confidence=0.0).candidates == ()


def test_every_built_in_title_is_made_of_known_words_and_names_one_role():
    """The title table holds only words the vocabulary knows, and no spelling names two roles."""
    named: dict[tuple[str, ...], Role] = {}
    for role, titles in vocabulary.TITLES.items():
        for title in titles:
            key = _key(_read_words(title)[1])
            assert not any(word.startswith("~") for word in key), title
            assert named.setdefault(key, role) is role, title
            assert classify_title(title).role is role, title


@given(st.one_of(st.text(), st.integers(), st.none(), st.binary(), st.lists(st.text())))
def test_junk_never_crashes_classify_title(junk):
    """Any string gets a match; anything else is refused with a ValidationError."""
    if isinstance(junk, str):
        match = classify_title(junk)
        assert match.how in ("exact", "normalised", "parsed", "ambiguous", "unknown")
        assert match.ambiguous == (len(match.candidates) > 1)
        assert (match.role is None) or match.candidates == (match.role,)
    else:
        with pytest.raises(ValidationError):
            classify_title(junk)


@given(
    st.lists(
        st.sampled_from(
            [
                "Sales",
                "Rep",
                "Key",
                "Account",
                "Manager",
                "Vertriebs",
                "leiter",
                "Senior",
                "DACH",
                "/",
                "-",
                " \u2013 ",
                "(m/w/d)",
                "für",
                "und",
                "im",
                "Außendienst",
                "Mitarbeiter",
                "in",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_title_like_junk_is_read_consistently(title):
    """However title words combine, a match is a role, an ambiguity or unknown, never a mix."""
    match = classify_title(title)
    if match.role is not None:
        assert match.candidates == (match.role,)
        assert match.unknown_words == ()
    elif match.ambiguous:
        assert len(match.candidates) > 1
        assert match.unknown_words == ()
    else:
        assert match.candidates == ()


# -- duties as free text --

# One line per responsibility in German, in the article's vocabulary.
GERMAN_LINES = [
    ("Akquise von Neukunden", Responsibility.PROSPECTING),
    ("Leads nachverfolgen", Responsibility.FOLLOW_UP_LEADS),
    ("Verkaufsverhandlungen mit Bestandskunden führen", Responsibility.CLOSE_DEALS),
    ("Cross-Selling bei Bestandskunden", Responsibility.WIDEN_PRODUCT_RANGE),
    ("Erreichen der vorgegebenen Umsatzziele", Responsibility.MEET_SALES_TARGET),
    ("Umsatzziele für das Team vorgeben", Responsibility.SET_SALES_TARGETS),
    ("Betreuung von Schlüsselkunden", Responsibility.MANAGE_KEY_ACCOUNTS),
    ("Kundenbindung stärken und Wettbewerber abwehren", Responsibility.DEFEND_AGAINST_COMPETITORS),
    ("Verantwortung für Umsatz und Rentabilität", Responsibility.OWN_ACCOUNT_PROFITABILITY),
    ("Erstellung eines strategischen Account-Plans", Responsibility.WRITE_ACCOUNT_PLAN),
    ("Verhandlung langfristiger Lieferverträge", Responsibility.NEGOTIATE_LONG_TERM_CONTRACTS),
    (
        "Beziehungen zum gesamten Entscheidungsteam aufbauen",
        Responsibility.BUILD_DECISION_TEAM_RELATIONSHIPS,
    ),
    ("Interne Ressourcen koordinieren", Responsibility.COORDINATE_INTERNAL_RESOURCES),
    ("Kommunikation mit Entscheidern planen", Responsibility.PLAN_DECISION_MAKER_COMMUNICATION),
    ("Vorschläge zur Produktanpassung erarbeiten", Responsibility.PROPOSE_CUSTOMIZATION),
    ("Leads generieren", Responsibility.GENERATE_LEADS),
    ("Regelmäßige Kundenbesuche im Außendienst", Responsibility.FIELD_SALES),
    ("Auftragsabwicklung", Responsibility.ORDER_ADMINISTRATION),
]

# One line per responsibility in English.
ENGLISH_LINES = [
    ("Prospect for new customers", Responsibility.PROSPECTING),
    ("Follow up on leads generated by marketing", Responsibility.FOLLOW_UP_LEADS),
    ("Close deals with existing customers", Responsibility.CLOSE_DEALS),
    ("Cross-sell a broader range of products", Responsibility.WIDEN_PRODUCT_RANGE),
    ("Achieve the sales targets set by your manager", Responsibility.MEET_SALES_TARGET),
    ("Set revenue targets for the sales reps", Responsibility.SET_SALES_TARGETS),
    ("Manage key accounts", Responsibility.MANAGE_KEY_ACCOUNTS),
    ("Strengthen customer loyalty against competitors", Responsibility.DEFEND_AGAINST_COMPETITORS),
    ("Own the profitability of your accounts", Responsibility.OWN_ACCOUNT_PROFITABILITY),
    ("Write strategic account plans", Responsibility.WRITE_ACCOUNT_PLAN),
    ("Negotiate long-term supply contracts", Responsibility.NEGOTIATE_LONG_TERM_CONTRACTS),
    (
        "Build relationships with buyers and decision makers",
        Responsibility.BUILD_DECISION_TEAM_RELATIONSHIPS,
    ),
    ("Coordinate internal resources", Responsibility.COORDINATE_INTERNAL_RESOURCES),
    (
        "Plan regular communication with decision makers",
        Responsibility.PLAN_DECISION_MAKER_COMMUNICATION,
    ),
    ("Propose product customisation", Responsibility.PROPOSE_CUSTOMIZATION),
    ("Generate leads through campaigns", Responsibility.GENERATE_LEADS),
    ("Visit customers in the field", Responsibility.FIELD_SALES),
    ("Process customer orders", Responsibility.ORDER_ADMINISTRATION),
]


def test_the_lines_cover_every_responsibility_in_both_languages():
    """The German and the English examples below name each of the 18 responsibilities once."""
    assert [duty for _, duty in GERMAN_LINES] == list(Responsibility)
    assert [duty for _, duty in ENGLISH_LINES] == list(Responsibility)


@pytest.mark.parametrize(("line", "duty"), GERMAN_LINES + ENGLISH_LINES)
def test_a_line_of_free_text_names_its_duty(line, duty):
    """Each line maps to its responsibility alone, with the words that decided it."""
    fit = classify_duties(text=line)
    [found] = fit.lines
    assert found.text == line
    assert found.responsibility is duty
    assert found.matched_words
    assert all(word in line for word in found.matched_words)
    assert fit.unmapped == ()
    assert fit.evidence[0][0] is duty
    assert duty.value in str(found)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Akquise von Neukunden", ("Akquise", "Neukunden")),
        ("Neukundenakquise", ("Neukundenakquise",)),
        ("Betreuung von Schlüsselkunden", ("Betreuung", "Schlüsselkunden")),
        ("Key Accounts betreuen", ("Key", "Accounts", "betreuen")),
        ("Manage key accounts", ("Manage", "key", "accounts")),
        ("Strategischer Account-Plan", ("Strategischer", "Account-Plan")),
    ],
)
def test_the_words_that_decided_a_line_are_given_as_written(line, words):
    """A duty line names the words of the line that decided it, as written."""
    [found] = classify_duties(text=line).lines
    assert found.matched_words == words


@pytest.mark.parametrize(
    "line",
    [
        "Kaffee kochen",
        "Ihre Aufgaben:",
        "Abgeschlossenes Studium der Betriebswirtschaft",
        "Führerschein Klasse B",
        "Sehr gute Englischkenntnisse",
        "Zielkunden erreichen",
        "Excellent communication skills",
        "Work closely with the sales team",
        "Lead the sales team",
        # a negated duty is never mapped to the duty
        "Keine Kaltakquise",
        "Ohne Neukundenakquise",
        "No cold calling",
        "Not responsible for order processing",
    ],
)
def test_a_line_naming_no_duty_is_listed_as_unmapped_never_guessed(line):
    """A line that names no known duty, or negates one, is unmapped and gives no role."""
    fit = classify_duties(text=line)
    assert fit.lines == ()
    assert fit.unmapped == (line,)
    assert fit.role is None
    assert fit.reason == "No line of the text names a known duty: no role fits."


def test_a_job_ad_is_read_line_by_line():
    """A German job ad is read line by line: its duties decide the role, the rest is unmapped."""
    ad = """
    Ihre Aufgaben:
    • Betreuung und Ausbau unserer Key Accounts
    • Erstellung strategischer Account-Pläne
    • Verhandlung von Rahmenverträgen
    • Kundenbindung stärken
    Ihr Profil:
    - Abgeschlossenes Studium
    """
    fit = classify_duties(text=ad)
    assert fit.role is AM
    assert [line.responsibility for line in fit.lines] == [
        Responsibility.MANAGE_KEY_ACCOUNTS,
        Responsibility.WRITE_ACCOUNT_PLAN,
        Responsibility.NEGOTIATE_LONG_TERM_CONTRACTS,
        Responsibility.DEFEND_AGAINST_COMPETITORS,
    ]
    assert fit.lines[0].text == "Betreuung und Ausbau unserer Key Accounts"
    assert fit.unmapped == ("Ihre Aufgaben:", "Ihr Profil:", "Abgeschlossenes Studium")
    assert "3 lines of the text named no known duty" in fit.reason


def test_a_line_naming_two_duties_gives_both():
    """A line that names two duties maps to both, each with its own words, and may be mixed."""
    line = "Betreuung und Ausbau von Key Accounts sowie Akquise von Neukunden"
    fit = classify_duties(text=[line])
    assert [(d.responsibility, d.matched_words) for d in fit.lines] == [
        (Responsibility.MANAGE_KEY_ACCOUNTS, ("Betreuung", "Key", "Accounts")),
        (Responsibility.PROSPECTING, ("Akquise", "Neukunden")),
    ]
    assert fit.mixed
    assert fit.claims[-2:] == ("S1.4", "S0.2")


def test_targets_set_by_a_manager_are_met_not_set():
    """A longer phrase decides between two duties sharing a word: meeting targets someone set."""
    for line in (
        "Achieve the targets set by your sales manager",
        "Vorgegebene Umsatzziele erreichen",
    ):
        [found] = classify_duties(text=line).lines
        assert found.responsibility is Responsibility.MEET_SALES_TARGET


def test_codes_and_text_add_up_and_codes_work_as_lines_too():
    """Codes and free text are read together, each duty once; a code on a line is that duty."""
    fit = classify_duties(["prospecting"], text=["- Neukundenakquise", "* follow_up_leads", ""])
    assert fit.role is SR
    assert [duty for duty, _ in fit.evidence] == [
        Responsibility.PROSPECTING,
        Responsibility.FOLLOW_UP_LEADS,
    ]
    assert fit.lines[1].matched_words == ("follow_up_leads",)
    assert classify_duties(text="").lines == ()
    assert classify_duties(text="").reason == "No duties given: no role fits."


def test_free_text_is_judged_under_the_policy():
    """Duties read from text are scored under the policy like codes."""
    fit = classify_duties(text="Akquise von Neukunden\nBetreuung von Key Accounts", policy=MERGED)
    assert fit.candidates == (AM, SR)
    assert fit.policy == "merged"


@pytest.mark.parametrize(
    ("call", "paths"),
    [
        (lambda: classify_duties(text=3), ["text"]),
        (lambda: classify_duties(text=b"Akquise"), ["text"]),
        (lambda: classify_duties(text={"Akquise": 1}), ["text"]),
        (lambda: classify_duties(text=["Akquise", 3, None]), ["text[1]", "text[2]"]),
        (lambda: classify_duties(["make_coffee"], text=3), ["responsibilities[0]", "text"]),
    ],
)
def test_text_that_is_not_text_is_refused_with_its_path(call, paths):
    """Free text that is neither a string nor a list of strings is refused, by path."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert [e.path for e in caught.value.errors] == paths


def test_a_string_of_codes_points_to_the_text_argument():
    """A bare string given as codes is refused with a hint that free text goes in text=."""
    with pytest.raises(ValidationError, match="free text goes in text="):
        classify_duties("Akquise von Neukunden")


def test_every_responsibility_has_key_phrases_in_english_and_german():
    """The duty vocabulary covers all 18 responsibilities in both languages."""
    assert set(vocabulary.DUTY_PHRASES) == set(Responsibility)
    for phrases in vocabulary.DUTY_PHRASES.values():
        assert phrases["en"]
        assert phrases["de"]
        for phrase in (*phrases["en"], *phrases["de"]):
            assert all(vocabulary.pattern(term).pattern for term in phrase)


@given(st.one_of(st.text(), st.lists(st.text(), max_size=5)))
def test_junk_text_never_crashes_classify_duties(junk):
    """Any text is read: each line it keeps is mapped or unmapped, trimmed, and from the text."""
    fit = classify_duties(text=junk)
    whole = "\n".join([junk] if isinstance(junk, str) else junk)
    for line in (*fit.unmapped, *(d.text for d in fit.lines)):
        assert line
        assert line == line.strip()
        assert line in whole
    assert all(d.matched_words for d in fit.lines)


@given(st.one_of(st.integers(), st.binary(), st.floats(), st.lists(st.integers(), min_size=1)))
def test_junk_that_is_not_text_is_refused_by_classify_duties(junk):
    """Free text that is no string and no list of strings raises a ValidationError."""
    with pytest.raises(ValidationError):
        classify_duties(text=junk)
