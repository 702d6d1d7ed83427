"""Run a function with Python's cyclic garbage collector paused.

A comparison allocates millions of small objects (profiles, bags, runs) and frees
them by reference counting: none of them is part of a reference cycle. The cyclic
collector still wakes up every few hundred allocations, and its full passes walk
every object the program holds, so that on 10,000 paragraphs a fifth of the time of
an easy comparison went to it (and more the larger the program's heap, as in the
desktop application). The collector is process-wide: it is paused only if it was
running, and whoever paused it restarts it, even on error.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def without_gc_pauses(func: Callable[_P, _R]) -> Callable[_P, _R]:
    @functools.wraps(func)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if paused:
                gc.enable()

    return run
