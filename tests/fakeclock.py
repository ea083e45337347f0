"""A fake monotonic clock whose ``sleep`` advances it, so throttle and backoff tests never
really sleep and can assert the exact waits."""

from __future__ import annotations


class FakeClock:
    """``clock()`` returns the fake time; ``sleep(s)`` records ``s`` and advances the time."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def advance(self, seconds: float) -> None:
        """Let time pass without sleeping (work done between requests)."""
        self.now += seconds
