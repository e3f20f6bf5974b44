"""Making a file or folder really read-only for this test process.

An ordinary user gets it from the permission bits. Root ignores those (CAP_DAC_OVERRIDE),
so for root the file system's immutable flag (``chattr +i``, honoured even for root) does
it instead; where neither works (root on a file system without the flag), the test is
skipped rather than faked.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _chattr(flag: str, path: Path) -> bool:
    tool = shutil.which("chattr")
    if tool is None:
        return False
    return subprocess.run([tool, flag, str(path)], capture_output=True).returncode == 0


def _writable(path: Path) -> bool:
    wanted = os.W_OK | (os.X_OK if path.is_dir() else 0)
    return os.access(path, wanted)


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Within the block, each path (file or folder) cannot be written by this process."""
    done: list[tuple[Path, int | None]] = []
    try:
        for path in paths:
            mode = path.stat().st_mode
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
            if _writable(path):  # root: the bits do not apply
                path.chmod(mode)
                if not _chattr("+i", path):
                    pytest.skip("cannot make a file read-only for root here (no chattr +i)")
                done.append((path, None))
            else:
                done.append((path, mode))
            assert not _writable(path)
        yield
    finally:
        for path, mode in reversed(done):
            if mode is None:
                _chattr("-i", path)
            else:
                path.chmod(mode)
