"""Memory held by an object graph, for the benchmarks that compare it with pydantic's."""

from __future__ import annotations

import gc
import tracemalloc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def retained(build: Callable[[], object]) -> tuple[object, int]:
    """Build an object graph; return it with the bytes it still holds after a collection."""
    gc.collect()
    tracemalloc.start()
    obj = build()
    gc.collect()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return obj, size
