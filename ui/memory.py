"""Giving the memory that reads have freed back to the operating system, once they go quiet.

Scrolling a queue of 100,000 incidents from top to bottom reads a thousand chunks of rows
on the read pool and drops them again (the model keeps a bounded cache). The program then
holds about 7 MB more than before (the ids, their positions, the cached rows), but its
resident size had grown by 55 MB: glibc's malloc keeps freed memory in its arenas (one for
the GUI thread, one for each reader thread) and returns it to the system only from the top
of an arena (measured with ``/proc/self/smaps``: the main heap +32 MB, each reader's arena
+15 MB). ``malloc_trim(0)`` returns the free pages of every arena; it gave back 25 MB of
the 55. It runs two seconds after the last read, so never during scrolling.

Only where the C library is glibc (Linux); elsewhere the allocator returns memory itself
(Windows' heap) or this is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)

#: Quiet time after the last read before memory is given back (ms).
QUIET_MS = 2000


def _malloc_trim() -> Callable[[], object] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda: trim(0)


_trim = _malloc_trim()
_timer: QTimer | None = None


def release_after_reads() -> None:
    """Call from the GUI thread when a read has arrived: memory is given back once no read
    has arrived for ``QUIET_MS``."""
    global _timer
    if _trim is None:
        return
    if _timer is None:
        _timer = QTimer()
        _timer.setSingleShot(True)
        _timer.setInterval(QUIET_MS)
        _timer.timeout.connect(release_now)
    _timer.start()


def release_now() -> bool:
    """Give freed memory back now; False where there is no way to."""
    if _trim is None:
        return False
    _trim()
    return True
