import sys

import matplotlib as mpl

mpl.use("Agg")

import attrs
import matplotlib.pyplot as plt
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure

import salesroles as sr
from salesroles import NotFoundError, ValidationError
from salesroles.testing import generate_portfolio, sample_portfolio


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def labels(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def scatters(ax):
    return {c.get_label(): c for c in ax.collections if isinstance(c, PathCollection)}


def test_the_pareto_curve_has_a_point_per_customer_and_stars_the_key_accounts():
    ax = sr.plot_concentration(sample_portfolio(), top=2)
    assert isinstance(ax, Axes)
    curve = next(line for line in ax.get_lines() if line.get_label() == "cumulative revenue")
    xs, ys = curve.get_data()
    assert len(xs) == 4  # the origin and three active customers with revenue
    assert ys[-1] == pytest.approx(100)
    assert ys[1] == pytest.approx(100 * 1200000 / 2068000)
    stars = scatters(ax)["key accounts"]
    assert len(stars.get_offsets()) == 2
    assert ax.get_xlabel() == "Share of customers, largest first (%)"
    assert ax.get_ylabel() == "Cumulative share of revenue (%)"
    assert ax.get_title().startswith("Revenue concentration (HHI 0.506")
    assert labels(ax) == ["equal customers", "cumulative revenue", "key accounts"]
    assert any(t.get_text() == "top 2: 99%" for t in ax.texts)


def test_the_pareto_curve_draws_on_a_given_axes_from_a_result():
    figure = Figure()
    ax = figure.add_subplot()
    result = sr.concentration(generate_portfolio(20, seed=1))
    assert sr.plot_concentration(result, ax=ax) is ax
    assert len(scatters(ax)["key accounts"].get_offsets()) == 20


def test_an_empty_portfolio_draws_an_empty_curve():
    ax = sr.plot_concentration(sr.Portfolio())
    assert "HHI n/a" in ax.get_title()
    assert "key accounts" not in scatters(ax)


def test_plan_attainment_draws_target_and_actual_bars_per_product():
    ax = sr.plot_plan_attainment(sample_portfolio(), "C-NORD")
    targets, actuals = ax.containers
    assert [b.get_height() for b in targets] == [600000.0, 0.0, 0.0, 0.0]
    assert [b.get_height() for b in actuals] == [0.0, 0.0, 0.0, 42000.0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Industrial\npumps",
        "Control\nvalves",
        "Maintenance\ncontracts",
        "(unattributed)",
    ]
    pace = scatters(ax)["pace on 2026-11-27"]
    assert len(pace.get_offsets()) == 1
    assert ax.get_ylabel() == "Revenue (EUR)"
    assert ax.get_title() == "AP-NORD-2026 for Nordwerk Wasser GmbH: target vs actual (S3.4)"
    assert labels(ax) == ["pace on 2026-11-27", "target", "actual"]


def test_plan_attainment_takes_a_result_or_one_plan():
    result = sr.plan_attainment(sample_portfolio())
    ax = sr.plot_plan_attainment(result, account="AP-ACME-2026")
    assert len(ax.containers[0]) == 3
    ax = sr.plot_plan_attainment(result.plan("C-ACME"))
    assert ax.containers[1][0].get_height() == pytest.approx(725479.45)


def test_plan_attainment_needs_an_account_when_several_plans_are_current():
    with pytest.raises(ValidationError) as caught:
        sr.plot_plan_attainment(sample_portfolio())
    assert [e.path for e in caught.value.errors] == ["account"]
    with pytest.raises(NotFoundError):
        sr.plot_plan_attainment(sample_portfolio(), "C-BAKER")
    p = sample_portfolio()
    one = attrs.evolve(p, key_accounts=p.key_accounts[:1])
    ax = sr.plot_plan_attainment(one)
    assert "AP-ACME-2026" in ax.get_title()
    no_targets = p.replace(attrs.evolve(p.plan("AP-NORD-2026"), product_targets=()))
    ax = sr.plot_plan_attainment(no_targets, "C-NORD")
    assert "pace on 2026-11-27" not in scatters(ax)


def test_the_assessment_matrix_marks_recommendations_and_key_accounts():
    assessment = sr.assess_key_accounts(sample_portfolio())
    ax = sr.plot_assessment_matrix(assessment)
    drawn = scatters(ax)
    assert set(drawn) == {"keep", "none", "key account now"}
    # ACME's relationship is known; Nordwerk has no known contact: it sits in the strip below.
    assert drawn["keep"].get_offsets().tolist() == [
        [1.0, pytest.approx(8.75 / 12)],
        [pytest.approx(float(assessment.explain("C-NORD").attractiveness)), -0.1],
    ]
    assert len(drawn["key account now"].get_offsets()) == 2
    assert [t.get_text() for t in ax.texts] == [
        "ACME Chemie AG",
        "Nordwerk Wasser GmbH",
        "Bäckerei Korn",
    ]
    assert next(t.get_text() for t in ax.get_yticklabels()) == "unknown"
    assert ax.get_legend().get_title().get_text() == "2 with no known contact: strip 'unknown'"
    assert ax.get_xlabel() == "Attractiveness (revenue, profit, growth, headroom)"
    assert ax.get_ylabel() == "Relationship strength of the decision team (S4.3)"
    assert ax.get_title() == (
        "Key-account assessment matrix (S2.1, S2.2)\n3 of 3 named, best ranked first"
    )


def text_boxes(ax):
    ax.get_figure().canvas.draw()
    return [t.get_window_extent() for t in ax.texts]


def overlapping(boxes):
    return [
        (i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j and a.overlaps(b)
    ]


@pytest.mark.parametrize("names", [12, 60])
def test_the_matrix_of_sixty_key_accounts_names_the_best_without_overlap(names):
    p = generate_portfolio(60, seed=11)
    assessment = sr.assess_key_accounts(p, cap=25, max_per_manager=10)
    ax = sr.plot_assessment_matrix(assessment, names=names)
    drawn = scatters(ax)
    # Every one of the 148 assessed customers is drawn, those without known contacts below.
    assert (
        sum(len(drawn[r.value].get_offsets()) for r in sr.Recommendation if r.value in drawn)
        == 148
    )
    assert len(drawn["key account now"].get_offsets()) == 60
    boxes = text_boxes(ax)
    assert overlapping(boxes) == []
    legend = ax.get_legend().get_window_extent()
    assert not any(box.overlaps(legend) for box in boxes)
    frame = ax.get_window_extent()
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 for b in boxes)
    named = [t.get_text() for t in ax.texts]
    best = [a.name for a in assessment.accounts[: len(named)]]
    assert named[0] == assessment.accounts[0].name
    assert set(named) <= {a.name for a in assessment.accounts[:names]}
    assert len(named) <= names
    title = ax.get_title()
    assert f"{len(named)} of 148 named, best ranked first" in title
    if len(named) < names:
        assert f"{names - len(named)} more left unnamed for lack of room" in title
    assert "88 with no known contact" in ax.get_legend().get_title().get_text()
    del best


def test_the_matrix_marks_and_names_the_highlighted_customers_first():
    p = generate_portfolio(60, seed=11)
    assessment = sr.assess_key_accounts(p, cap=25, max_per_manager=10)
    ax = sr.plot_assessment_matrix(assessment, highlight=["C9"], names=3)
    ring = scatters(ax)["highlighted"].get_offsets().tolist()
    nine = assessment.explain("C9")
    assert ring == [
        [
            pytest.approx(float(nine.attractiveness)),
            pytest.approx(float(nine.relationship_strength)),
        ]
    ]
    assert ax.texts[0].get_text() == nine.name
    assert ax.texts[0].get_color() == "tab:red"
    assert len(ax.texts) <= 3
    with pytest.raises(NotFoundError, match="'nobody'"):
        sr.plot_assessment_matrix(assessment, highlight="nobody")
    with pytest.raises(ValidationError) as caught:
        sr.plot_assessment_matrix(assessment, highlight=[5])
    assert caught.value.errors[0].path == "highlight[0]"
    with pytest.raises(ValidationError) as caught:
        sr.plot_assessment_matrix(assessment, names=-1)
    assert caught.value.errors[0].path == "names"


def test_the_pareto_curve_marks_and_names_a_highlighted_customer():
    p = generate_portfolio(40, seed=4)
    ax = sr.plot_concentration(p, top=5, highlight="C0")
    ((x, _y),) = scatters(ax)["highlighted"].get_offsets().tolist()
    assert x == pytest.approx(100 / len(sr.concentration(p).customers))
    assert "highlighted" in labels(ax)
    assert {t.get_text() for t in ax.texts} == {p.customer("C0").name, "top 5: 24%"}
    assert overlapping(text_boxes(ax)) == []


def test_without_ax_a_plot_draws_on_a_new_pyplot_figure_that_scripts_can_show_and_save(tmp_path):
    ax = sr.plot_concentration(sample_portfolio())
    assert plt.gca() is ax
    assert plt.gcf() is ax.get_figure()
    ax.set_title("x")  # the Axes API, as any matplotlib plot
    plt.savefig(tmp_path / "curve.png")
    assert (tmp_path / "curve.png").stat().st_size > 0
    other = sr.plot_assessment_matrix(sr.assess_key_accounts(sample_portfolio()))
    assert other.get_figure() is not ax.get_figure()
    assert len(plt.get_fignums()) == 2


def test_every_plot_returns_the_axes_it_was_given():
    _figure, axes = plt.subplots(1, 3)
    p = sample_portfolio()
    assert sr.plot_concentration(p, ax=axes[0]) is axes[0]
    assert sr.plot_plan_attainment(p, "C-ACME", ax=axes[1]) is axes[1]
    assert sr.plot_assessment_matrix(sr.assess_key_accounts(p), ax=axes[2]) is axes[2]
    assert len(plt.get_fignums()) == 1


def test_plan_attainment_tick_labels_do_not_overlap():
    ax = sr.plot_plan_attainment(generate_portfolio(40, seed=4), "C0")
    ax.get_figure().canvas.draw()
    boxes = [t.get_window_extent() for t in ax.get_xticklabels()]
    assert overlapping(boxes) == []


def test_an_empty_matrix_has_no_legend():
    ax = sr.plot_assessment_matrix(sr.assess_key_accounts(sr.Portfolio()))
    assert ax.get_legend() is None
    assert len(ax.collections) == 0


def test_plots_without_matplotlib_name_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"plot_concentration\(\) needs matplotlib.pyplot"):
        sr.plot_concentration(sample_portfolio())


@pytest.mark.parametrize(
    ("call", "path", "code"),
    [
        (lambda p: sr.plot_concentration(5), "portfolio_or_result", "invalid_type"),
        (lambda p: sr.plot_concentration(p, top=0), "top", "out_of_range"),
        (lambda p: sr.plot_concentration(p, ax="ax"), "ax", "invalid_type"),
        (lambda p: sr.plot_assessment_matrix("x"), "assessment", "invalid_type"),
        (sr.plot_assessment_matrix, "assessment", "invalid_type"),
        (lambda p: sr.plot_plan_attainment("x"), "result_or_portfolio", "invalid_type"),
        (lambda p: sr.plot_plan_attainment(p, "C-ACME", ax=5), "ax", "invalid_type"),
        (lambda p: sr.plot_plan_attainment(p, ["C-ACME"]), "account", "invalid_type"),
        (lambda p: sr.plot_plan_attainment(p, "C-ACME", as_of=5), "as_of", "invalid_date"),
    ],
)
def test_bad_arguments_are_refused_by_name(call, path, code):
    with pytest.raises(ValidationError) as caught:
        call(sample_portfolio())
    assert [(e.path, e.code) for e in caught.value.errors] == [(path, code)]


def test_a_portfolio_is_no_assessment_and_the_error_says_what_to_pass():
    with pytest.raises(ValidationError, match=r"expected the result of assess_key_accounts"):
        sr.plot_assessment_matrix(sample_portfolio())


def test_plan_attainment_takes_the_day_as_an_iso_string():
    ax = sr.plot_plan_attainment(sample_portfolio(), "C-ACME", as_of="2026-06-30")
    assert "pace on 2026-06-30" in scatters(ax)


def test_plan_attainment_still_takes_on_with_a_warning_but_not_both():
    p = sample_portfolio()
    with pytest.warns(DeprecationWarning, match=r"on= is deprecated; use as_of=") as warned:
        ax = sr.plot_plan_attainment(p, "C-ACME", on="2026-06-30")
    assert warned[0].filename == __file__
    assert "pace on 2026-06-30" in scatters(ax)
    with pytest.raises(sr.ValidationError) as caught:
        sr.plot_plan_attainment(p, "C-ACME", as_of="2026-06-30", on="2026-06-30")
    assert [(e.path, e.code) for e in caught.value.errors] == [("as_of", "conflicting_arguments")]


def test_figures_in_another_currency_are_named_when_plotting():
    p = sample_portfolio()
    usd = sr.Money(amount="1", currency="USD")
    with_customer = p.replace(attrs.evolve(p.customer("C-NORD"), annual_revenue=usd))
    with pytest.raises(sr.CurrencyMismatchError, match="customer 'C-NORD' has its annual_revenue"):
        sr.plot_concentration(with_customer)
    with_order = p.replace(attrs.evolve(p.get("O-2"), amount=usd))
    with pytest.raises(sr.CurrencyMismatchError, match="order 'O-2' has its amount in USD"):
        sr.plot_plan_attainment(with_order, "C-NORD")
