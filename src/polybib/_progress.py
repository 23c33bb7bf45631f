"""Progress of a long run on standard error: a counter line while references go by, and one summary
line at the end — only when standard error is a terminal, so that logs and pipes stay clean.

>>> import io
>>> stream = io.StringIO()
>>> progress = Progress("list.txt", stream=stream, terminal=True, every=2)
>>> for partly in (False, True, False):
...     progress.step(partly_understood=partly)
>>> progress.finish(seconds=1.25)
>>> stream.getvalue().endswith("list.txt: 3 references, 1 partly understood, 1.2 s\\n")
True
>>> quiet = io.StringIO()
>>> Progress("list.txt", stream=quiet, terminal=False).finish()
>>> quiet.getvalue()
''
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]

_SPINNER = "|/-\\"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):   # a replaced or closed stream
        return False


class Progress:
    """Counts references as a command goes through them; draws on ``stream`` when it is a terminal."""

    def __init__(self, source: str, *, stream: TextIO | None = None, terminal: bool | None = None,
                 every: int = 200) -> None:
        self.source = source
        self.stream = stream or sys.stderr
        self.terminal = _is_terminal(self.stream) if terminal is None else terminal
        self.every = every
        self.references = 0
        self.partial = 0
        self._start = time.perf_counter()
        self._spinner = 0

    def step(self, *, partly_understood: bool = False) -> None:
        self.references += 1
        self.partial += partly_understood
        if self.terminal and self.references % self.every == 0:
            self._spinner += 1
            self.stream.write(f"\r{_SPINNER[self._spinner % 4]} {self.source}: {self.references} references...")
            self.stream.flush()

    def finish(self, *, seconds: float | None = None) -> None:
        """Replace the counter with the summary line."""
        if not self.terminal:
            return
        seconds = time.perf_counter() - self._start if seconds is None else seconds
        self.stream.write(f"\r\x1b[K{self.source}: {self.references} references, {self.partial} partly understood, "
                          f"{seconds:.1f} s\n")
        self.stream.flush()
