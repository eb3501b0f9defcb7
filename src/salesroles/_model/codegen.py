"""Compiling generated code, registered with :mod:`linecache` so tracebacks show it.

The model's field checks and the wire's structure and unstructure functions
are generated per class; this is their one way in.
"""

from __future__ import annotations

import linecache
from typing import Any

__all__ = ["compile_source"]


def compile_source(name: str, lines: list[str], ns: dict[str, Any], label: str) -> Any:
    """Compile generated code, registered in linecache so that tracebacks show it."""
    source = "\n".join(lines) + "\n"
    filename = f"<salesroles generated {label}>"
    exec(compile(source, filename, "exec"), ns)  # noqa: S102 - our own generated code
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    return ns[name]
