"""A polite pace: at least ``min_interval`` seconds between the starts of two requests.

NIH asks RePORTER users for at most one request per second; NCBI allows 3 a second (10 with
an API key). Each client owns one :class:`Throttle`; the transport passes every attempt
through it, retries included, and cache hits skip it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from reporter_finder.errors import InvalidArgumentError

__all__ = ["Clock", "Sleep", "Throttle"]

logger = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class Throttle:
    """Keep the starts of successive requests at least ``min_interval`` seconds apart.

    Thread-safe; uses a monotonic ``clock`` (never wall time, which can jump). ``clock`` and
    ``sleep`` are injectable so that tests run instantly with a fake clock.

    Example:
        >>> t = Throttle(1.0)
        >>> t.wait()  # first call never sleeps
        0.0
    """

    def __init__(
        self, min_interval: float, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep
    ) -> None:
        if min_interval < 0:
            raise InvalidArgumentError(f"min_interval must be >= 0, got {min_interval}")
        self.min_interval = float(min_interval)
        self._clock = clock
        self._sleep = sleep
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> float:
        """Sleep just long enough to respect the interval, then mark a request start.

        Returns:
            The number of seconds slept (0.0 when no wait was needed).
        """
        with self._lock:
            now = self._clock()
            delay = 0.0
            if self._last is not None:
                delay = max(0.0, self._last + self.min_interval - now)
            if delay > 0:
                logger.debug("throttle: sleeping %.3f s", delay)
                self._sleep(delay)
            # max(): a fake sleep may not advance a fake clock; the start is still now + delay.
            self._last = max(self._clock(), now + delay)
            return delay
