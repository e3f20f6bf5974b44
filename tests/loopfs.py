"""A real filesystem that tests can take away: an ext4 image, loop-mounted, that is shut
down (``FS_IOC_SHUTDOWN``, as a power cut or a dropped share leaves it: every later I/O
fails) or unmounted lazily under a running program. Needs root and the loop driver; tests
skip with the reason where either is missing."""

from __future__ import annotations

import fcntl
import os
import shutil
import struct
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: ext4's shutdown ioctl (``_IOR('X', 125, __u32)``); the flag drops what the journal has
#: not committed, as losing power would.
FS_IOC_SHUTDOWN = 0x8004587D
SHUTDOWN_NOLOGFLUSH = 2


def unavailable() -> str | None:
    """Why loop-mounted filesystems cannot be used here, or None."""
    if os.geteuid() != 0:
        return "needs root to loop-mount a filesystem"
    for tool in ("mkfs.ext4", "mount", "umount", "losetup"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path("/dev/loop-control").exists():
        return "no loop device driver"
    return None


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True, timeout=60)


@contextmanager
def loop_mount(image: Path, mountpoint: Path, size_mb: int = 64) -> Iterator[Path]:
    """A fresh ext4 filesystem at ``mountpoint`` (unmounted at the end, whatever happened)."""
    if not image.exists():
        with open(image, "wb") as file:
            file.truncate(size_mb * 1024 * 1024)
        _run("mkfs.ext4", "-q", "-F", str(image))
    mountpoint.mkdir(parents=True, exist_ok=True)
    _run("mount", "-o", "loop", str(image), str(mountpoint))
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True, timeout=60)


def remount(image: Path, mountpoint: Path) -> None:
    """Mount the image again after a shutdown (ext4 replays its journal)."""
    subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True, timeout=60)
    _run("mount", "-o", "loop", str(image), str(mountpoint))


def shut_down(mountpoint: Path) -> None:
    """Every later read and write on the filesystem fails, as after a power cut."""
    fd = os.open(mountpoint, os.O_RDONLY)
    try:
        fcntl.ioctl(fd, FS_IOC_SHUTDOWN, struct.pack("I", SHUTDOWN_NOLOGFLUSH))
    finally:
        os.close(fd)


@contextmanager
def comes_back(image: Path, mountpoint: Path) -> Iterator[Path]:
    """The dropped share comes back while the program still holds handles on the dropped
    one (those keep failing, as on a real share until the program opens the file again):
    the image on a loop device of its own, since ``mount -o loop`` refuses one that overlaps
    the old device; unmounted and detached at the end."""
    subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True, timeout=60)
    device = subprocess.run(["losetup", "-f", "--show", str(image)], check=True,
                            capture_output=True, text=True, timeout=60).stdout.strip()
    try:
        _run("mount", device, str(mountpoint))
        try:
            yield mountpoint
        finally:
            subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True, timeout=60)
    finally:
        subprocess.run(["losetup", "-d", device], capture_output=True, timeout=60)
