"""Where the database file lives: a local disk or a network share (SMB/CIFS, NFS…).

SQLite's locking is only as good as the filesystem's; on a share, the product checks its
locks and never uses WAL. The status bar shows the result of ``describe``.

Each platform's answer comes from what that platform itself reports (Windows: UNC paths and
``GetDriveTypeW``; Linux: ``/proc/self/mountinfo`` and ``statfs``; macOS: the mount table).
The parsing is split from the system calls so that every platform's rules are tested on
every platform, with the inputs those calls give.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import ntpath
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

NETWORK_TYPES = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs",
    "fuse.sshfs", "sshfs", "9p", "v9fs", "ncpfs", "ncp", "coda", "afs", "glusterfs",
    "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "fuse.rclone", "fuse.s3fs",
}

#: ``statfs`` ``f_type`` magic numbers of network filesystems (linux/magic.h, fs sources).
LINUX_NETWORK_MAGIC = {
    0x6969: "nfs",
    0xFF534D42: "cifs",
    0xFE534D42: "smb2",
    0x517B: "smb",
    0x01021997: "9p",
    0x00C36400: "ceph",
    0x5346414F: "afs",
    0x6B414653: "afs",
    0x73757245: "coda",
    0x564C: "ncp",
    0x47504653: "gpfs",
    0x0BD00BD0: "lustre",
}

#: Mount options under which locks taken on one client are not seen by the others: SQLite
#: on such a share can corrupt the file, so it is opened read-only.
#: cifs ``nobrl``: byte-range locks are not sent to the server; nfs ``nolock`` and
#: ``local_lock=posix|all``: POSIX locks stay on this client.
BROKEN_LOCK_OPTIONS = {"nobrl", "nolock", "local_lock=posix", "local_lock=all"}

DRIVE_NO_ROOT_DIR = 1
DRIVE_REMOTE = 4


@dataclass(frozen=True)
class Location:
    path: Path
    network: bool
    filesystem: str  # e.g. "ext4", "cifs", "NTFS", "UNC", "unknown"
    options: frozenset[str] = field(default_factory=frozenset)

    @property
    def broken_lock_options(self) -> frozenset[str]:
        """Mount options known to keep locks from reaching other workstations."""
        return self.options & BROKEN_LOCK_OPTIONS


def describe(path: str | Path) -> Location:
    target = Path(path).resolve()
    probe = _existing(target)
    if sys.platform == "win32":
        network, fs = windows_location(str(target), _get_drive_type)
        return Location(target, network, fs)
    if sys.platform.startswith("linux"):
        return linux_location(target, _read_mountinfo(), _statfs_magic(probe))
    return mac_location(target, _mount_output())


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


# -- Linux -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mount:
    mount_point: str
    filesystem: str
    options: frozenset[str]


def _unescape(field_text: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes."""
    out, i = [], 0
    while i < len(field_text):
        chunk = field_text[i + 1:i + 4]
        if field_text[i] == "\\" and len(chunk) == 3 and all(c in "01234567" for c in chunk):
            out.append(chr(int(chunk, 8)))
            i += 4
        else:
            out.append(field_text[i])
            i += 1
    return "".join(out)


def parse_mountinfo(lines: Iterable[str]) -> list[Mount]:
    """The mounts of ``/proc/self/mountinfo``: mount point (field 5), filesystem type and
    both option lists (per-mount before the ``-`` separator, superblock after it)."""
    mounts = []
    for line in lines:
        left, sep, right = line.rstrip("\n").partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 6:
            continue
        after = right.split()
        if not after:
            continue
        options = set(fields[5].split(","))
        if len(after) >= 3:
            options.update(after[2].split(","))
        mounts.append(Mount(_unescape(fields[4]), after[0], frozenset(options)))
    return mounts


def _inside(path: str, mount_point: str, sep: str = "/") -> bool:
    return path == mount_point or mount_point == sep or path.startswith(
        mount_point.rstrip(sep) + sep)


def _containing(path: Path, mounts: list[Mount]) -> Mount | None:
    """The mount that holds ``path``: the longest mount point; of equal ones the last,
    which is mounted on top of the others."""
    best: Mount | None = None
    for mount in mounts:
        if _inside(str(path), mount.mount_point) and (
                best is None or len(mount.mount_point) >= len(best.mount_point)):
            best = mount
    return best


def linux_location(path: Path, mountinfo: list[str] | None, magic: int | None) -> Location:
    """Network if the mount table names a network filesystem or ``statfs`` reports one
    (``statfs`` answers for the path itself, whatever namespace or bind mount is involved)."""
    mount = _containing(path, parse_mountinfo(mountinfo or []))
    fs = mount.filesystem if mount else "unknown"
    options = mount.options if mount else frozenset()
    by_magic = LINUX_NETWORK_MAGIC.get(magic) if magic is not None else None
    if fs == "unknown" and by_magic:
        fs = by_magic
    network = fs.lower() in NETWORK_TYPES or by_magic is not None
    return Location(path, network, fs, options)


def _read_mountinfo() -> list[str] | None:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as mounts:
            return mounts.readlines()
    except OSError:
        return None


def _statfs_magic(path: Path) -> int | None:
    """``f_type`` of ``statfs(2)``: the first word of ``struct statfs`` on Linux."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        buffer = ctypes.create_string_buffer(256)
        if libc.statfs(os.fsencode(path), buffer) != 0:
            return None
        return ctypes.c_long.from_buffer(buffer).value & 0xFFFFFFFF
    except (OSError, AttributeError):
        return None


# -- macOS and other BSDs --------------------------------------------------------------------
def parse_mount_output(output: str) -> list[Mount]:
    """``mount`` prints ``SOURCE on MOUNTPOINT (TYPE, option, option…)`` per line."""
    mounts = []
    for line in output.splitlines():
        if " on " not in line or not line.rstrip().endswith(")") or " (" not in line:
            continue
        rest = line.split(" on ", 1)[1]
        mount_point, _, inside = rest.rpartition(" (")
        parts = [p.strip() for p in inside.rstrip(")").split(",")]
        mounts.append(Mount(mount_point, parts[0], frozenset(parts[1:])))
    return mounts


def mac_location(path: Path, mount_output: str) -> Location:
    mount = _containing(path, parse_mount_output(mount_output))
    if mount is None:
        return Location(path, False, "unknown")
    return Location(path, mount.filesystem.lower() in NETWORK_TYPES, mount.filesystem,
                    mount.options)


def _mount_output() -> str:
    import subprocess

    try:
        return subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


# -- Windows ---------------------------------------------------------------------------------
def windows_location(text: str, drive_type: Callable[[str], int]) -> tuple[bool, str]:
    """(network, description) of a Windows path. UNC paths (``\\\\server\\share``, also in
    their ``\\\\?\\UNC\\`` long form) are shares; a drive letter is asked of
    ``GetDriveTypeW``, which says DRIVE_REMOTE for a mapped network drive."""
    if text.startswith("\\\\?\\") or text.startswith("//?/"):
        rest = text[4:]
        if rest[:4].upper() in ("UNC\\", "UNC/"):
            return True, "UNC"
        text = rest
    drive, _ = ntpath.splitdrive(text)
    if drive.startswith(("\\\\", "//")):
        return True, "UNC"
    if not drive:
        return False, "unknown"
    kind = drive_type(drive + "\\")
    if kind == DRIVE_REMOTE:
        return True, "remote"
    if kind == DRIVE_NO_ROOT_DIR:
        return False, "unknown"
    return False, "local"


def _get_drive_type(root: str) -> int:
    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]
