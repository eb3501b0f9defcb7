import runpy
from pathlib import Path

import jupytext
import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
STORIES = ["which_key_accounts", "what_if_we_lose_acme", "from_your_crm_to_findings"]


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


@pytest.mark.parametrize("story", STORIES)
def test_each_story_runs_as_a_plain_script(story, capsys):
    runpy.run_path(str(EXAMPLES / f"{story}.py"), run_name="__main__")
    assert "Scenario" in capsys.readouterr().out
