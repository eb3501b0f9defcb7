"""The language wing: which language is active, its catalogues, its number formats.

It sits just above :mod:`salesroles.exceptions` and below the model, so that
every wing can render text in the active language. See ``docs/i18n.md``.
"""
