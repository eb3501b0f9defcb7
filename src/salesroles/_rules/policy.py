"""Policies: which roles own each responsibility, which rules are on, and how severe they are.

The responsibility table is docs/domain.md, responsibilities. Two policies are built in:
:data:`STRICT`, the article's own distinction and the default everywhere, and
:data:`MERGED`, the O*NET reading of S0.2 (one job under both titles).
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, TypeAlias, cast

import attrs

from salesroles._model.enums import (
    Responsibility,
    ResponsibilityValue,
    Role,
    RoleValue,
    Severity,
    SeverityValue,
)
from salesroles._model.messages import ONE_OF, phrase, said, shown, template, wrong
from salesroles._model.messages import error_item as problem_at
from salesroles._model.validation import ANY_OBJECT, BOOLEAN, STRING, TEXT
from salesroles.exceptions import ErrorItem, ValidationError

from .catalogue import rule_by_id, rules
from .duties import duty_claims, duty_phrase, strict_owners

__all__ = ["MERGED", "STRICT", "Policy", "as_policy", "duty_claims", "duty_phrase"]

_AM = Role.ACCOUNT_MANAGER
_SR = Role.SALES_REP

_RULE_IDS: Final = tuple(r.id for r in rules())
_SEVERITIES: Final = said(ONE_OF, values=[s.value for s in Severity])
_ROLES: Final = said(ONE_OF, values=[r.value for r in Role])
_RESPONSIBILITIES: Final = said(ONE_OF, values=[r.value for r in Responsibility])
_RULE_LIST: Final = said(ONE_OF, values=list(_RULE_IDS))
_NO_RULE: Final = template(
    "no_rule", "got {got:message}, which is no rule; expected {expected:message}"
)
_NO_DUTY: Final = template(
    "no_responsibility",
    "got {got:message}, which is no responsibility; expected {expected:message}",
)
_NAME_MISSING: Final = template("policy_name_missing", "missing; expected the policy's name")
_KEYS: Final = template("unknown_policy_key", "unknown key {key!r}; expected {names:or_list}")
_RULE_IDS_LIST: Final = phrase("expected.rule_ids", "a list of rule ids")
_OWNERS: Final = phrase("expected.owners", "a table of owners")
_ROLE_LIST: Final = phrase("expected.roles", "a list of roles")
_SEVERITY_TABLE: Final = phrase("expected.severities", "a table of severities")
_BASE: Final = phrase("expected.base", "'strict' or 'merged'")
_RULE_OBJECT: Final = phrase("expected.rule_object", "an object of rule ids")
_SETTING: Final = phrase(
    "expected.rule_setting", 'an object like {{"severity": "error", "enabled": true}}'
)
_DUTY_OBJECT: Final = phrase("expected.duty_object", "an object of responsibilities")
_POLICY: Final = phrase("expected.policy", "a Policy, 'strict', 'merged' or a policy's plain data")
_POLICY_KEYS: Final = ("name", "description", "base", "rules", "responsibilities")
_CUSTOMISED: Final = " (customised)"
# The settings of the built-in policies by name, once they are built (see the end).
_BUILT_IN_SETTINGS: Final[dict[str, tuple[object, ...]]] = {}


def _strict_owners() -> dict[Responsibility, frozenset[Role]]:
    return strict_owners()


def _default_severities() -> dict[str, Severity]:
    return {r.id: r.default_severity for r in rules()}


def enum_member(cls: type[Any], value: object) -> Any:
    """The enum member of *value* if it is one or names one; else *value*, for the check."""
    if isinstance(value, cls):
        return value
    return cls._value2member_map_.get(value, value) if isinstance(value, str) else value


def _as_set(items: Iterable[Any]) -> frozenset[Any] | tuple[Any, ...]:
    """The set of *items*; their tuple when some cannot be in a set, for the check to report."""
    listed = list(items)
    try:
        return frozenset(listed)
    except TypeError:  # an unhashable entry, such as a list: report it, do not crash
        return tuple(listed)


# The converters' parameter types are what type checkers show as Policy's arguments; at run
# time they take anything and leave what is wrong for the check to report.
OwnersArgument: TypeAlias = Mapping[
    Responsibility | ResponsibilityValue, Iterable[Role | RoleValue]
]
SeveritiesArgument: TypeAlias = Mapping[str, Severity | SeverityValue]


def _to_owners(value: OwnersArgument) -> Mapping[Responsibility, frozenset[Role]]:
    """Policy's ``owners``: :func:`_fill_owners`, typed for what callers may pass."""
    return _fill_owners(value)  # type: ignore[no-any-return]


def _to_severities(value: SeveritiesArgument) -> Mapping[str, Severity]:
    """Policy's ``severities``: :func:`_fill_severities`, typed for what callers may pass."""
    return _fill_severities(value)  # type: ignore[no-any-return]


def _to_off(value: Iterable[str]) -> frozenset[str]:
    """Policy's ``off``: :func:`_off_set`, typed for what callers may pass."""
    return _off_set(value)  # type: ignore[no-any-return]


def _fill_owners(value: Any) -> Any:
    """Fill a partial table of owners from the strict one; leave the rest for the check."""
    if not isinstance(value, Mapping):
        return value
    strict = _strict_owners()
    # In the order of Responsibility; a key given again keeps its place, a foreign one goes last.
    table: dict[Any, Any] = {duty: strict[duty] for duty in Responsibility}
    for duty, roles in value.items():
        key = enum_member(Responsibility, duty)
        if isinstance(roles, Iterable) and not isinstance(roles, str | bytes | Mapping):
            table[key] = _as_set(enum_member(Role, r) for r in roles)
        else:
            table[key] = roles
    return types.MappingProxyType(table)


def _fill_severities(value: Any) -> Any:
    """Fill a partial table of severities from the defaults; leave the rest for the check."""
    if not isinstance(value, Mapping):
        return value
    table: dict[Any, Any] = _default_severities()
    table.update({k: enum_member(Severity, v) for k, v in value.items()})
    ordered = {k: table.pop(k) for k in _RULE_IDS}
    return types.MappingProxyType(ordered | table)


def _off_set(value: Any) -> Any:
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping):
        return _as_set(value)
    return value


def _unknown_rule(path: str, rule: object) -> ErrorItem:
    return problem_at(path, "unknown_rule", _NO_RULE, got=shown(rule), expected=_RULE_LIST)


def _bad_severity(path: str, value: object) -> ErrorItem:
    return wrong(path, value, _SEVERITIES, "invalid_enum")


def _bad_role(path: str, value: object) -> ErrorItem:
    return wrong(path, value, _ROLES, "invalid_enum")


def _bad_duty(path: str, value: object) -> ErrorItem:
    return problem_at(
        path, "unknown_responsibility", _NO_DUTY, got=shown(value), expected=_RESPONSIBILITIES
    )


@attrs.frozen(kw_only=True, repr=False)
class Policy:
    """Who owns which responsibility, which rules are on, and each rule's severity.

    A policy is data. Use a built-in one (:data:`STRICT`, the default
    everywhere, or :data:`MERGED`) or derive your company's own: every
    derivation returns a new policy. A report never claims a built-in
    policy's name for other settings: a policy named ``"strict"`` (or
    ``"merged"``), however it was made (derived, built directly, read by
    :meth:`from_dict`), whose owners, severities or rules switched off differ
    from the built-in one is renamed ``"strict (customised)"`` (or
    ``"merged (customised)"``), and one named so whose settings are the
    built-in ones again is named ``"strict"`` (``"merged"``) again. Name
    yours with :meth:`named`.

    Constructed directly, missing entries of the tables are taken from
    :data:`STRICT`; from a config file, use :meth:`from_dict`. A policy naming
    an unknown rule, role, responsibility or severity raises
    :class:`~salesroles.ValidationError` naming each problem's path and the
    allowed values.

    Attributes:
        name: How reports name the policy.
        description: What the policy is for, in a sentence or two.
        owners: The roles that own each responsibility (every one is listed).
        severities: Each rule's severity (every rule is listed, on or off).
        off: The ids of the rules switched off.

    >>> acme = (
    ...     STRICT.named("acme")
    ...     .with_severity("decision-team-gap", "error")
    ...     .switch_off("no-communication-cadence")
    ...     .with_owners("order_administration", "sales_coordinator", "sales_rep")
    ... )
    >>> acme.severity_of("decision-team-gap"), acme.severity_of("no-communication-cadence")
    (<Severity.ERROR: 'error'>, None)
    >>> acme.allows("sales_rep", "order_administration")
    True
    >>> Policy.from_dict(acme.to_dict()) == acme
    True
    """

    name: str
    description: str = ""
    owners: Mapping[Responsibility, frozenset[Role]] = attrs.field(
        factory=dict, converter=_to_owners, hash=False
    )
    severities: Mapping[str, Severity] = attrs.field(
        factory=dict, converter=_to_severities, hash=False
    )
    off: frozenset[str] = attrs.field(default=frozenset(), converter=_to_off)

    def __attrs_post_init__(self) -> None:
        """Refuse unknown rules, roles, responsibilities and severities, all at once."""
        problems = list(
            _policy_problems(self.name, self.description, self.owners, self.severities, self.off)
        )
        if problems:
            raise ValidationError(problems)
        honest = _honest_name(self)
        if honest != self.name:
            object.__setattr__(self, "name", honest)  # attrs' way for a frozen class

    # -- questions --

    def owners_of(self, responsibility: Responsibility | ResponsibilityValue) -> frozenset[Role]:
        """Return the roles that own *responsibility* under this policy."""
        return self.owners[as_responsibility(responsibility)]

    def allows(
        self, role: Role | RoleValue, responsibility: Responsibility | ResponsibilityValue
    ) -> bool:
        """Whether *role* owns *responsibility* under this policy."""
        return as_role(role) in self.owners_of(responsibility)

    def is_on(self, rule: str) -> bool:
        """Whether the rule *rule* (an id) is checked under this policy."""
        _rule_id(rule)
        return rule not in self.off

    def severity_of(self, rule: str) -> Severity | None:
        """Return the severity of *rule*'s findings, or None when it is switched off."""
        _rule_id(rule)
        return None if rule in self.off else self.severities[rule]

    # -- derivations: each returns a new policy --

    def _derive(self, **changes: Any) -> Policy:
        return attrs.evolve(self, **changes)  # the check of the new policy names it honestly

    def named(self, name: str, description: str | None = None) -> Policy:
        """Return this policy under another *name* (and, if given, *description*).

        A built-in policy's name given to other settings gets ``" (customised)"``.
        """
        return attrs.evolve(
            self, name=name, description=self.description if description is None else description
        )

    def with_severity(self, rule: str, severity: Severity | SeverityValue) -> Policy:
        """Return this policy with *rule*'s findings at *severity*; on or off, it stays so."""
        _rule_id(rule)
        level = enum_member(Severity, severity)
        if not isinstance(level, Severity):
            raise ValidationError([_bad_severity("severity", severity)])
        return self._derive(severities={**self.severities, rule: level})

    def switch_off(self, *rules: str) -> Policy:
        """Return this policy with the rules *rules* (ids) not checked."""
        for rule in rules:
            _rule_id(rule)
        return self._derive(off=self.off | frozenset(rules))

    def switch_on(self, *rules: str) -> Policy:
        """Return this policy with the rules *rules* (ids) checked again."""
        for rule in rules:
            _rule_id(rule)
        return self._derive(off=self.off - frozenset(rules))

    def with_owners(
        self, responsibility: Responsibility | ResponsibilityValue, *roles: Role | RoleValue
    ) -> Policy:
        """Return this policy with *responsibility* owned by *roles* (and by no other role).

        This is how a company moves a responsibility:
        ``STRICT.with_owners("order_administration", "sales_coordinator", "sales_rep")``
        lets sales reps administer orders too.
        """
        duty = as_responsibility(responsibility)
        owners = frozenset(as_role(r, path=f"roles[{i}]") for i, r in enumerate(roles))
        return self._derive(owners={**self.owners, duty: owners})

    # -- plain data, for config files --

    def to_dict(self) -> dict[str, Any]:
        """Return this policy as plain JSON-ready data; :meth:`from_dict` reads it back.

        Every rule and every responsibility is listed, so the data says all.
        """
        return {
            "name": self.name,
            "description": self.description,
            "rules": {
                rule: {"severity": severity.value, "enabled": rule not in self.off}
                for rule, severity in self.severities.items()
            },
            "responsibilities": {
                duty.value: [r.value for r in Role if r in roles]
                for duty, roles in self.owners.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Policy:
        """Build a policy from plain data, such as a config file the application reads.

        The data holds a ``name``, optionally a ``description``, a ``base``
        policy (``"strict"``, the default, or ``"merged"``) whose settings it
        changes, ``rules`` mapping rule ids to ``{"severity": ..., "enabled":
        ...}`` (either key may be left out), and ``responsibilities`` mapping
        responsibilities to the list of roles that own them. A built-in
        policy's name given to other settings is read as ``"strict
        (customised)"`` (or ``"merged (customised)"``), as for any policy.

        Raises:
            ValidationError: Listing every problem with its path, such as
                ``rules.decision-team-gap.severity``, and the allowed values.

        >>> p = Policy.from_dict({
        ...     "name": "acme",
        ...     "rules": {"decision-team-gap": {"severity": "error"},
        ...               "no-communication-cadence": {"enabled": False}},
        ...     "responsibilities": {"order_administration": ["sales_coordinator", "sales_rep"]},
        ... })
        >>> p.severity_of("decision-team-gap"), p.is_on("no-communication-cadence")
        (<Severity.ERROR: 'error'>, False)
        >>> Policy.from_dict({"name": "x", "rules": {"decision-team-gap": {"severity": "fatal"}}})
        Traceback (most recent call last):
        ...
        salesroles.exceptions.ValidationError: rules.decision-team-gap.severity: got 'fatal'; expected one of 'error', 'warning', 'info'
        """  # noqa: E501
        problems: list[ErrorItem] = []
        if not isinstance(data, Mapping):
            raise ValidationError([wrong("", data, ANY_OBJECT)])
        problems.extend(
            problem_at(str(key), "unknown_key", _KEYS, key=key, names=list(_POLICY_KEYS))
            for key in data
            if key not in _POLICY_KEYS
        )
        base = _read_base(data.get("base", "strict"), problems)
        name = data.get("name")
        if name is None:
            problems.append(problem_at("name", "missing", _NAME_MISSING))
        elif type(name) is not str or not name.strip():
            problems.append(wrong("name", name, TEXT))
        description = data.get("description", "")
        if type(description) is not str:
            problems.append(wrong("description", description, STRING))
        severities, off = _read_rules(data.get("rules", {}), base, problems)
        owners = _read_owners(data.get("responsibilities", {}), base, problems)
        if problems:
            raise ValidationError(problems)
        return cls(
            name=str(name),
            description=str(description),
            owners=cast("OwnersArgument", owners),  # keys are invariant; members are values too
            severities=severities,
            off=off,
        )

    @classmethod
    def __wire_schema__(cls) -> dict[str, Any]:
        """The JSON Schema of the one shape :meth:`from_dict` reads and :meth:`to_dict` writes.

        ``salesroles.json_schema(Policy)`` returns it, and ``structure`` and
        ``unstructure`` read and write the same shape (the wire wing knows
        this method, not the policy: judging and JSON stay apart).
        """
        severity = {"type": "string", "enum": [s.value for s in Severity]}
        return {
            "type": "object",
            "title": "Policy",
            "description": "Who owns which responsibility, which rules are on, and each "
            "rule's severity; left-out entries are the base policy's.",
            "properties": {
                "name": {"type": "string", "minLength": 1, "pattern": r"\S"},
                "description": {"type": "string"},
                "base": {"type": "string", "enum": ["strict", "merged"]},
                "rules": {
                    "type": "object",
                    "propertyNames": {"enum": list(_RULE_IDS)},
                    "additionalProperties": {
                        "type": "object",
                        "properties": {"severity": severity, "enabled": {"type": "boolean"}},
                        "additionalProperties": False,
                    },
                },
                "responsibilities": {
                    "type": "object",
                    "propertyNames": {"enum": [d.value for d in Responsibility]},
                    "additionalProperties": {
                        "type": "array",
                        "items": {"type": "string", "enum": [r.value for r in Role]},
                    },
                },
            },
            "required": ["name"],
            "additionalProperties": False,
        }

    # -- display --

    def __repr__(self) -> str:
        on = len(_RULE_IDS) - len(self.off)
        return f"<Policy {self.name!r}: {on} of {len(_RULE_IDS)} rules on>"

    def __str__(self) -> str:
        lines = [f"Policy {self.name!r}" + (f": {self.description}" if self.description else "")]
        lines.append("  rules:")
        width = max(len(i) for i in _RULE_IDS)
        for rule, severity in self.severities.items():
            lines.append(f"    {rule:<{width}}  {'off' if rule in self.off else severity.value}")
        lines.append("  responsibilities:")
        width = max(len(d.value) for d in Responsibility)
        for duty, roles in self.owners.items():
            who = ", ".join(r.value for r in Role if r in roles) or "nobody"
            lines.append(f"    {duty.value:<{width}}  {who}")
        return "\n".join(lines)


def _policy_problems(
    name: Any, description: Any, owners: Any, severities: Any, off: Any
) -> Iterator[ErrorItem]:
    """Every problem of a policy's fields; the fields are typed ``Any`` as they may be wrong."""
    if type(name) is not str or not name.strip():
        yield wrong("name", name, TEXT)
    if type(description) is not str:
        yield wrong("description", description, STRING)
    yield from _table_problems(owners, severities)
    if isinstance(off, tuple):  # it held entries that cannot be in a set
        for i, rule in enumerate(off):
            if not isinstance(rule, str) or rule_by_id(rule) is None:
                yield _unknown_rule(f"off[{i}]", rule)
    elif not isinstance(off, frozenset):
        yield wrong("off", off, _RULE_IDS_LIST)
    else:
        for rule in sorted(off, key=str):
            if rule_by_id(rule) is None:
                yield _unknown_rule(f"off.{rule}", rule)


def _table_problems(owners: Any, severities: Any) -> Iterator[ErrorItem]:
    if not isinstance(owners, Mapping):
        yield wrong("owners", owners, _OWNERS)
    else:
        for duty, roles in owners.items():
            path = f"owners.{duty}"
            if not isinstance(duty, Responsibility):
                yield _bad_duty(path, duty)
            elif isinstance(roles, tuple):  # it held entries that cannot be in a set
                yield from (
                    _bad_role(f"{path}[{i}]", r)
                    for i, r in enumerate(roles)
                    if not isinstance(r, Role)
                )
            elif not isinstance(roles, frozenset):
                yield wrong(path, roles, _ROLE_LIST)
            else:
                yield from (_bad_role(path, r) for r in roles if not isinstance(r, Role))
    if not isinstance(severities, Mapping):
        yield wrong("severities", severities, _SEVERITY_TABLE)
    else:
        for rule, severity in severities.items():
            if rule_by_id(rule) is None:
                yield _unknown_rule(f"severities.{rule}", rule)
            elif not isinstance(severity, Severity):
                yield _bad_severity(f"severities.{rule}", severity)


def _settings(policy: Policy) -> tuple[object, ...]:
    """What a policy decides, its name and description aside."""
    return (dict(policy.owners), dict(policy.severities), policy.off)


def _honest_name(policy: Policy) -> str:
    """*policy*'s name, with " (customised)" exactly when it names a built-in one it is not."""
    base = policy.name.removesuffix(_CUSTOMISED)
    settings = _BUILT_IN_SETTINGS.get(base)
    if settings is None:  # no built-in name, or the built-in policies being built
        return policy.name
    return base if _settings(policy) == settings else base + _CUSTOMISED


def _read_base(value: object, problems: list[ErrorItem]) -> Policy:
    if value == "merged":
        return MERGED
    if value != "strict":
        problems.append(wrong("base", value, _BASE, "invalid_enum"))
    return STRICT


def _read_rules(
    value: object, base: Policy, problems: list[ErrorItem]
) -> tuple[dict[str, Severity], set[str]]:
    severities = dict(base.severities)
    off = set(base.off)
    if not isinstance(value, Mapping):
        problems.append(wrong("rules", value, _RULE_OBJECT))
        return severities, off
    for rule, setting in value.items():
        path = f"rules.{rule}"
        if not isinstance(rule, str) or rule_by_id(rule) is None:
            problems.append(_unknown_rule(path, rule))
            continue
        if not isinstance(setting, Mapping):
            problems.append(wrong(path, setting, _SETTING))
            continue
        for key, item in setting.items():
            _read_setting(rule, key, item, severities=severities, off=off, problems=problems)
    return severities, off


def _read_setting(  # noqa: PLR0913 - the tables it fills are its outputs
    rule: str,
    key: object,
    item: object,
    *,
    severities: dict[str, Severity],
    off: set[str],
    problems: list[ErrorItem],
) -> None:
    """Read one entry of a rule's setting: ``severity`` or ``enabled``."""
    path = f"rules.{rule}.{key}"
    if key == "severity":
        level = enum_member(Severity, item)
        if isinstance(level, Severity):
            severities[rule] = level
        else:
            problems.append(_bad_severity(path, item))
    elif key == "enabled":
        if type(item) is not bool:
            problems.append(wrong(path, item, BOOLEAN))
        elif item:
            off.discard(rule)
        else:
            off.add(rule)
    else:
        problems.append(
            problem_at(path, "unknown_key", _KEYS, key=key, names=["severity", "enabled"])
        )


def _read_owners(
    value: object, base: Policy, problems: list[ErrorItem]
) -> dict[Responsibility, frozenset[Role]]:
    owners = dict(base.owners)
    if not isinstance(value, Mapping):
        problems.append(wrong("responsibilities", value, _DUTY_OBJECT))
        return owners
    for duty, roles in value.items():
        path = f"responsibilities.{duty}"
        key = enum_member(Responsibility, duty)
        if not isinstance(key, Responsibility):
            problems.append(_bad_duty(path, duty))
            continue
        if not isinstance(roles, list | tuple):
            problems.append(wrong(path, roles, _ROLE_LIST))
            continue
        found: set[Role] = set()
        for i, role in enumerate(roles):
            member = enum_member(Role, role)
            if isinstance(member, Role):
                found.add(member)
            else:
                problems.append(_bad_role(f"{path}[{i}]", role))
        owners[key] = frozenset(found)
    return owners


def _rule_id(rule: object) -> str:
    if not isinstance(rule, str) or rule_by_id(rule) is None:
        raise ValidationError([_unknown_rule("rule", rule)])
    return rule


def as_role(role: object, *, path: str = "role") -> Role:
    """Return *role* as a :class:`Role`; raise ValidationError naming *path* if it is none."""
    member = enum_member(Role, role)
    if not isinstance(member, Role):
        raise ValidationError([_bad_role(path, role)])
    return member


def as_responsibility(value: object, *, path: str = "responsibility") -> Responsibility:
    """Return *value* as a :class:`Responsibility`; raise ValidationError naming *path*."""
    member = enum_member(Responsibility, value)
    if not isinstance(member, Responsibility):
        raise ValidationError([_bad_duty(path, value)])
    return member


#: The article's own distinction (docs/domain.md and docs/rules.md): the default everywhere.
STRICT: Final = Policy(
    name="strict",
    description="The article's distinction: account managers keep and grow key accounts, "
    "sales representatives win new business (S1.4, S2.1).",
)


# It runs once, at import, before mutmut picks a mutant, so no test can tell its mutants apart;
# what it builds is pinned by test_merged_shares_every_responsibility_of_either_role_and_...
def _merged_owners() -> dict[Responsibility, frozenset[Role]]:  # pragma: no mutate block
    one_job = frozenset({_AM, _SR})
    return {
        duty: roles | one_job if roles & one_job else roles
        for duty, roles in _strict_owners().items()
    }


#: The O*NET reading of S0.2: account manager and sales rep are one job under two titles.
MERGED: Final = Policy(
    name="merged",
    description="The O*NET reading of S0.2: account manager and sales representative are one "
    "job under two titles, so each does the other's work.",
    owners=cast("OwnersArgument", _merged_owners()),  # keys are invariant; see OwnersArgument
    off=frozenset({"account-manager-new-business", "key-account-served-by-sales-rep"}),
)


_BUILT_IN_SETTINGS.update({p.name: _settings(p) for p in (STRICT, MERGED)})


def as_policy(value: Policy | str | Mapping[str, object], *, path: str = "policy") -> Policy:
    """Accept a policy, the name of a built-in one, or its plain-data form (see from_dict)."""
    if isinstance(value, Policy):
        return value
    if value == "strict":
        return STRICT
    if value == "merged":
        return MERGED
    if isinstance(value, Mapping):
        try:
            return Policy.from_dict(value)
        except ValidationError as e:
            raise e.prefixed(path) from None
    raise ValidationError([wrong(path, value, _POLICY, "invalid_policy")])
