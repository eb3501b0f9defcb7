"""Mutation testing of the judging code: ``make mutation``.

Runs mutmut over the modules that ``[tool.mutmut]`` in ``pyproject.toml``
names (the rules, policies, check and decide) with the tests of judging,
then prints the mutation score, killed / (killed + survived), and fails
under the goal. It takes a while (see the docs for a figure) and is not part
of ``make test``.

``python tools/mutation.py`` starts afresh; ``python tools/mutation.py
PATTERN ...`` tests again only the mutants whose names match (for example
``'salesroles._rules.judge*'``) and keeps every other result.

The project is installed in ``.venv`` in editable mode, which puts a
``src/`` holding ``salesroles`` on ``sys.path``; such entries are taken off
here so that the tests import the mutants mutmut writes under
``mutants/src``, not the sources.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.90


def main(patterns: list[str]) -> int:
    """Run mutmut, print the score, and judge it against the goal."""
    sys.path[:] = [p for p in sys.path if not (Path(p or ".") / "salesroles").is_dir()]
    from mutmut.__main__ import cli

    if not patterns:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    for args in (["run", "--max-children", "2", *patterns], ["export-cicd-stats"]):
        try:
            cli(args, standalone_mode=False)
        except SystemExit as stop:
            if stop.code not in (0, None):
                return int(stop.code) if isinstance(stop.code, int) else 1
    stats = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text())
    judged = stats["killed"] + stats["survived"]
    score = stats["killed"] / judged if judged else 0.0
    print(f"mutation score: {stats['killed']} killed of {judged} = {score:.1%} (goal {GOAL:.0%})")
    others = f"{stats['no_tests']} without tests, {stats['timeout']} timed out"
    print(f"({others}; the survivors: mutmut results)")
    return 0 if score >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
