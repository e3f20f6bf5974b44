"""Where the database file lives: a local disk or a network share (SMB/CIFS, NFS…).

SQLite's locking is only as good as the filesystem's; on a share, the product checks its
locks and never uses WAL. The status bar shows the result of ``describe``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

NETWORK_TYPES = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs",
    "fuse.sshfs", "9p", "ncpfs", "coda", "afs", "glusterfs", "ceph", "lustre",
}


@dataclass(frozen=True)
class Location:
    path: Path
    network: bool
    filesystem: str  # e.g. "ext4", "cifs", "NTFS", "unknown"


def describe(path: str | Path) -> Location:
    target = Path(path).resolve()
    probe = target if target.exists() else target.parent
    if sys.platform == "win32":
        return _windows(target, probe)
    fs = _linux_fs(probe) if sys.platform.startswith("linux") else _bsd_fs(probe)
    return Location(target, fs.lower() in NETWORK_TYPES, fs)


def _linux_fs(path: Path) -> str:
    """The filesystem type of the longest mount point containing ``path``."""
    best, fs = "", "unknown"
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as mounts:
            for line in mounts:
                left, _, right = line.partition(" - ")
                mount_point = left.split()[4].replace("\\040", " ")
                fs_type = right.split()[0] if right else "unknown"
                inside = str(path) == mount_point or str(path).startswith(
                    mount_point.rstrip("/") + "/")
                if inside and len(mount_point) > len(best):
                    best, fs = mount_point, fs_type
    except OSError:
        pass
    return fs


def _bsd_fs(path: Path) -> str:
    """macOS/BSD: ``statfs`` through ``mount`` output, which names the type per mount."""
    import subprocess

    try:
        output = subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    best, fs = "", "unknown"
    for line in output.splitlines():
        if " on " not in line or "(" not in line:
            continue
        mount_point = line.split(" on ", 1)[1].rsplit(" (", 1)[0]
        fs_type = line.rsplit("(", 1)[1].split(",")[0].strip(" )")
        if str(path).startswith(mount_point) and len(mount_point) > len(best):
            best, fs = mount_point, fs_type
    return fs


def _windows(target: Path, probe: Path) -> Location:
    text = str(target)
    if text.startswith("\\\\"):
        return Location(target, True, "UNC")
    import ctypes

    drive = os.path.splitdrive(str(probe))[0] + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive)  # type: ignore[attr-defined]
    return Location(target, kind == 4, "remote" if kind == 4 else "local")  # 4: DRIVE_REMOTE
