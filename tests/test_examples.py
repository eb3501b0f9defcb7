import runpy
from pathlib import Path

import jupytext
import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
STORIES = [
    "which_key_accounts",
    "what_if_we_lose_acme",
    "from_your_crm_to_findings",
    "exploring_with_pandas",
    "wer_betreut_unsere_schluesselkunden",
]


def test_the_quickstart_prints_the_portfolio_its_findings_and_a_refusal(capsys):
    runpy.run_path(str(EXAMPLES / "quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "Key accounts (S2.1, S2.2):" in out
    assert "Report as of 2026-11-27 under policy 'strict': 1 error, 6 warnings, 1 info" in out
    assert "decision-team-gap [C-NORD]" in out
    assert "[dangling_reference] key_accounts[0].manager" in out


@pytest.mark.parametrize("story", STORIES)
def test_each_notebook_is_made_from_its_script_and_has_no_outputs(story):
    script = jupytext.read(EXAMPLES / f"{story}.py")
    notebook = jupytext.read(EXAMPLES / f"{story}.ipynb")
    assert [(c.cell_type, c.source) for c in notebook.cells] == [
        (c.cell_type, c.source) for c in script.cells
    ], "run `make notebooks` after changing the script"
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")


def run_story(story):
    """Run a story as a plain script; return its figures and its namespace."""
    plt.close("all")
    namespace = runpy.run_path(str(EXAMPLES / f"{story}.py"), run_name="__main__")
    axes = [figure.axes[0] for figure in map(plt.figure, plt.get_fignums())]
    plt.close("all")
    return axes, namespace


@pytest.fixture(scope="module")
def key_accounts_story():
    return run_story("which_key_accounts")


@pytest.fixture(scope="module")
def acme_story():
    return run_story("what_if_we_lose_acme")


@pytest.fixture(scope="module")
def pandas_story():
    return run_story("exploring_with_pandas")


def test_following_the_assessment_trades_no_finding_for_another(key_accounts_story):
    _, story = key_accounts_story
    comparison = story["comparison"]
    assert comparison.appeared == ()
    assert len(comparison.after.errors) < len(comparison.before.errors)
    assert story["scenario"].after.key_account("C9").manager == "am0"
    # The unwelcome figure the story comments on: revenue outside key accounts grows.
    assert story["after"] < story["before"]


def test_the_key_account_story_highlights_c9_and_acme(key_accounts_story):
    axes, _ = key_accounts_story
    highlighted = [ax for ax in axes if "highlighted" in [c.get_label() for c in ax.collections]]
    assert len(highlighted) == 2


def test_in_the_acme_story_acme_is_marked_and_the_leaving_member_leaves(acme_story):
    axes, story = acme_story
    curve = axes[0]
    assert "ACME Chemie AG" in [t.get_text() for t in curve.texts]
    after = story["scenario"].after
    assert "am1" not in {m.id for m in after.team}
    assert after.get("am1") is None
    assert story["comparison"].appeared == ()
    assert story["load"].member("rep0").key_accounts == 20


def test_the_renewal_story_has_contracts_coming_up_for_renewal(acme_story):
    _, story = acme_story
    soon = story["soon"]
    assert len(soon.contracts) >= 5
    assert story["moved"]


def test_the_pandas_story_pivots_revenue_and_plots_from_a_frame(pandas_story):
    axes, story = pandas_story
    pivot = story["pivot"]
    assert list(pivot.columns) == ["small", "medium", "large"]
    assert "(none)" in pivot.index
    assert story["grand"] == sum(
        c.annual_revenue.amount for c in story["portfolio"].customers if c.annual_revenue
    )
    (bars,) = axes
    assert bars.get_title() == "Revenue by account manager and customer segment"
    assert len(bars.patches) == pivot.size
    assert str(story["findings"]["severity"].dtype) == "category"


def test_the_crm_story_runs_as_a_plain_script(capsys):
    runpy.run_path(str(EXAMPLES / "from_your_crm_to_findings.py"), run_name="__main__")
    assert "Scenario" in capsys.readouterr().out


def test_the_german_story_speaks_german_and_leaves_english_behind(capsys):
    """The German notebook reports, decides and tabulates in German, then restores English."""
    import salesroles as sr

    runpy.run_path(str(EXAMPLES / "wer_betreut_unsere_schluesselkunden.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert (
        "<Bericht zum 27.11.2026 laut Richtlinie 'strict': 1 Fehler, 6 Warnungen, 1 Hinweis>"
        in out
    )
    assert "ABGELEHNT: Bob Braun (Vertriebsmitarbeiter) darf bei Deal D-1 nicht" in out
    assert "gefährdeter Umsatz: 1.200.000,00" in out
    assert sr.current_locale() == "en"
