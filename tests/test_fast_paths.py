"""The quick ways through the library: taken whenever they may be, and never a different answer."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import salesroles as sr
from salesroles import testing as srt
from salesroles._wire import structure as wire_structure


def _no_detailed_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any) -> Any:
        raise AssertionError("the detailed walk ran on a valid document")

    monkeypatch.setattr(wire_structure, "_detailed", refuse)


def test_a_valid_generated_portfolio_takes_the_generated_path(monkeypatch):
    portfolio = srt.generate_portfolio(40, seed=3)
    data = sr.unstructure(portfolio)
    _no_detailed_walk(monkeypatch)
    assert sr.structure(data, sr.Portfolio) == portfolio
    assert sr.structure_json(sr.unstructure_json(portfolio), sr.Portfolio) == portfolio


@settings(max_examples=40)
@given(srt.portfolios())
def test_every_valid_portfolio_takes_the_generated_path(portfolio):
    data = sr.unstructure(portfolio)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _no_detailed_walk(monkeypatch)
        assert sr.structure(data, sr.Portfolio) == portfolio
