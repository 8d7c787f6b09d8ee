"""How work grows with the input: the shape of a bound, not a timing (issue 24).

``growth(work, n)`` is the CPU time of ``work(8 * n)`` over that of ``work(n)``, the best of a
few runs each: near 8 when the work is linear, 64 when it is quadratic. A busy machine slows
both sizes alike, so the ratio stays meaningful where a time limit would not.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FACTOR = 8
#: Linear work with some start-up cost stays well under this; quadratic work is 8 times it.
LINEAR = 3 * FACTOR


def _cpu(work: Callable[[int], object], size: int, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work(size)
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


def growth(work: Callable[[int], object], size: int, runs: int = 3) -> float:
    work(size)  # warm up: imports, caches
    return _cpu(work, FACTOR * size, runs) / _cpu(work, size, runs)
