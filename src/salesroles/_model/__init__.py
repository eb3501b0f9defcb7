"""The domain model: value objects, entities and the portfolio; no wire, no rules, no I/O."""
