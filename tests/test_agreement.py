"""decide and check never disagree about a piece of work a portfolio records.

For every piece of work a portfolio records (an assignment, a lead's owner,
a deal's owner, a plan's owner, an order's administrator, a target's setter,
a key account's manager), ``decide`` refuses it exactly when ``check``
reports a finding about it (its ``involves`` names the subject, then the
member), and names the same rule; it allows it exactly when ``check`` is
silent about it. The portfolios are generated, then shaken: members change
roles, customers lapse, deals close and work is assigned at random, so that
every rule about misplaced work gets its chance.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import salesroles as sr
from salesroles.testing import generate_portfolio

# The policies the library ships, and one derived the way companies derive theirs.
POLICIES = [
    sr.STRICT,
    sr.MERGED,
    sr.STRICT.named("acme").with_owners("order_administration", "sales_coordinator", "sales_rep"),
]
WORK_RULES = frozenset(r.id for r in sr.rules() if r.guards)


def recorded(p: sr.Portfolio) -> list[tuple[str, sr.Responsibility, object, str]]:
    """Every piece of work *p* records: (member, responsibility, subject, subject id)."""
    duty = sr.Responsibility
    work: list[tuple[str, sr.Responsibility, object, str]] = [
        (a.member, a.responsibility, p.get(a.subject), a.subject) for a in p.assignments
    ]
    work += [(x.owner, duty.FOLLOW_UP_LEADS, x, x.id) for x in p.leads if x.owner]
    work += [(x.owner, duty.CLOSE_DEALS, x, x.id) for x in p.deals if x.owner]
    work += [(x.owner, duty.WRITE_ACCOUNT_PLAN, x, x.id) for x in p.plans]
    work += [
        (x.administered_by, duty.ORDER_ADMINISTRATION, x, x.id)
        for x in p.orders
        if x.administered_by
    ]
    work += [(x.set_by, duty.SET_SALES_TARGETS, x, x.id) for x in p.targets]
    work += [
        (x.manager, duty.MANAGE_KEY_ACCOUNTS, x, x.customer) for x in p.key_accounts if x.manager
    ]
    return work


@st.composite
def shaken_portfolios(draw: st.DrawFn) -> sr.Portfolio:
    """A generated portfolio whose roles, statuses, stages and assignments are shuffled."""
    p = generate_portfolio(
        draw(st.integers(1, 5)),
        seed=draw(st.integers(0, 10**6)),
        defects=draw(st.sampled_from([0.0, 0.5, 1.0])),
    )
    for member in p.team:
        if draw(st.booleans()):
            p = p.replace(attrs.evolve(member, role=draw(st.sampled_from(list(sr.Role)))))
    for customer in p.customers:
        if draw(st.integers(0, 4)) == 0:
            status = draw(st.sampled_from(["lapsed", "lost"]))
            p = p.replace(attrs.evolve(customer, status=status))
    for deal in p.deals:
        if draw(st.booleans()):
            p = p.replace(attrs.evolve(deal, stage=draw(st.sampled_from(list(sr.DealStage)))))
    subjects = [c.id for c in p.customers] + [x.id for x in (*p.leads, *p.plans, *p.deals)]
    subjects += [o.id for o in p.orders]
    members = [m.id for m in p.team]
    extra = draw(
        st.lists(
            st.builds(
                sr.Assignment,
                member=st.sampled_from(members),
                responsibility=st.sampled_from(list(sr.Responsibility)),
                subject=st.sampled_from(subjects),
            ),
            max_size=12,
        )
    )
    return p.add(*extra) if extra else p


@settings(max_examples=150)
@given(p=shaken_portfolios(), policy=st.sampled_from(POLICIES))
def test_decide_refuses_exactly_the_work_check_reports(p, policy):
    """The same pieces of work, the same rules: refused by decide, reported by check."""
    refused = set()
    for member, duty, subject, subject_id in recorded(p):
        d = sr.decide(p.member(member), duty, subject, policy=policy, portfolio=p)
        if not d.allowed:
            assert d.rule is not None, d.reason
            refused.add((subject_id, member, d.rule))
    members = {m.id for m in p.team}
    reported = {
        (f.subject, f.involves[1], f.rule)
        for f in sr.check(p, policy=policy)
        if f.rule in WORK_RULES and len(f.involves) > 1 and f.involves[1] in members
    }
    assert refused == reported


def test_the_sample_portfolios_work_is_judged_alike():
    """In the docs' portfolio Ann owns deal D-1 on the key account ACME: both say that is right."""
    from salesroles.testing import sample_portfolio

    p = sample_portfolio()
    ann = p.member("ann")
    assert sr.decide(ann, "close_deals", p.deal("D-1"), portfolio=p).allowed
    assert not [f for f in sr.check(p) if f.subject == "D-1"]
