"""Network filesystem detection on every platform, from the inputs each platform gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.storage.filesystem import (
    DRIVE_NO_ROOT_DIR,
    DRIVE_REMOTE,
    describe,
    linux_location,
    mac_location,
    parse_mountinfo,
    windows_location,
)

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
30 22 0:40 / /mnt/share rw,relatime shared:2 - cifs //fileserver/desk rw,vers=3.1.1,nobrl
31 22 0:41 / /mnt/nfs rw,relatime - nfs4 nas:/export/desk rw,vers=4.2,hard,proto=tcp
32 22 0:42 / /mnt/nfs3 rw,relatime - nfs nas:/old rw,vers=3,nolock
33 22 0:43 / /mnt/smb\\040share rw,relatime - smb3 //server/with\\040space rw,vers=3.0
34 22 0:44 / /mnt/sshfs rw,nosuid,nodev - fuse.sshfs me@host:/srv rw,user_id=0
35 22 0:45 / /mnt/share/local rw - ext4 /dev/sdb1 rw
36 22 0:46 / /mnt/over rw - ext4 /dev/sdc1 rw
37 36 0:47 / /mnt/over rw - cifs //server/on-top rw
"""


def location(path: str, magic: int | None = None):
    return linux_location(Path(path), MOUNTINFO.splitlines(), magic)


def test_linux_local_disk() -> None:
    found = location("/home/desk/desk.sqlite")
    assert (found.network, found.filesystem) == (False, "ext4")


@pytest.mark.parametrize(("path", "fs"), [
    ("/mnt/share/desk.sqlite", "cifs"),
    ("/mnt/nfs/team/desk.sqlite", "nfs4"),
    ("/mnt/nfs3/desk.sqlite", "nfs"),
    ("/mnt/smb share/desk.sqlite", "smb3"),  # \040 in mountinfo is a space
    ("/mnt/sshfs/desk.sqlite", "fuse.sshfs"),
])
def test_linux_network_filesystems(path: str, fs: str) -> None:
    found = location(path)
    assert found.network and found.filesystem == fs


def test_linux_longest_mount_point_wins() -> None:
    """A local disk mounted inside a share is local; a prefix that is not a whole path
    component (``/mnt/shared`` under ``/mnt/share``) does not count."""
    assert location("/mnt/share/local/desk.sqlite").filesystem == "ext4"
    assert location("/mnt/shared/desk.sqlite").filesystem == "ext4"


def test_linux_mount_on_top_of_another_wins() -> None:
    assert location("/mnt/over/desk.sqlite").filesystem == "cifs"


def test_linux_options_that_break_locks_are_found() -> None:
    assert location("/mnt/share/desk.sqlite").broken_lock_options == {"nobrl"}
    assert location("/mnt/nfs3/desk.sqlite").broken_lock_options == {"nolock"}
    assert location("/mnt/nfs/desk.sqlite").broken_lock_options == set()


def test_linux_statfs_magic_without_mountinfo() -> None:
    """Without a readable mount table, statfs's f_type still tells a share (SMB2 magic)."""
    found = linux_location(Path("/x/desk.sqlite"), None, 0xFE534D42)
    assert found.network and found.filesystem == "smb2"
    assert not linux_location(Path("/x/desk.sqlite"), None, 0xEF53).network  # ext4


def test_linux_statfs_overrides_a_local_looking_table() -> None:
    """In another mount namespace the table may disagree; statfs answers for the path."""
    assert location("/home/desk.sqlite", magic=0x6969).network


def test_parse_mountinfo_skips_garbage() -> None:
    assert parse_mountinfo(["", "nonsense", "1 2 3"]) == []


MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
//desk@fileserver/desk on /Volumes/desk (smbfs, nodev, nosuid, mounted by desk)
nas:/export on /Volumes/nfs (nfs, nodev, nosuid, mounted by desk)
afp_0TQ5KT0BaNha0TWv8M2QM4GK-1.2d000006 on /Volumes/old (afpfs, nodev, nosuid, mounted by desk)
https://dav.example.com/desk on /Volumes/dav (webdav, nodev, noexec, nosuid, mounted by desk)
map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse)
"""


@pytest.mark.parametrize(("path", "network", "fs"), [
    ("/Users/desk/desk.sqlite", False, "apfs"),
    ("/System/Volumes/Data/Users/desk.sqlite", False, "apfs"),
    ("/Volumes/desk/team/desk.sqlite", True, "smbfs"),
    ("/Volumes/nfs/desk.sqlite", True, "nfs"),
    ("/Volumes/old/desk.sqlite", True, "afpfs"),
    ("/Volumes/dav/desk.sqlite", True, "webdav"),
    ("/Volumes/desktop/desk.sqlite", False, "apfs"),  # not inside /Volumes/desk
])
def test_macos_mount_table(path: str, network: bool, fs: str) -> None:
    found = mac_location(Path(path), MAC_MOUNT)
    assert (found.network, found.filesystem) == (network, fs)


def drive_types(mapping: dict[str, int]):
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return mapping.get(root.upper(), 3)  # 3: DRIVE_FIXED

    return drive_type, asked


@pytest.mark.parametrize("path", [
    r"\\fileserver\desk\desk.sqlite",
    "//fileserver/desk/desk.sqlite",
    r"\\?\UNC\fileserver\desk\desk.sqlite",
])
def test_windows_unc_paths_are_shares(path: str) -> None:
    drive_type, asked = drive_types({})
    assert windows_location(path, drive_type) == (True, "UNC")
    assert asked == []


def test_windows_mapped_drive_is_asked_of_get_drive_type() -> None:
    drive_type, asked = drive_types({"Z:\\": DRIVE_REMOTE})
    assert windows_location(r"Z:\desk\desk.sqlite", drive_type) == (True, "remote")
    assert asked == ["Z:\\"]
    assert windows_location(r"C:\Users\desk\desk.sqlite", drive_type) == (False, "local")
    assert windows_location(r"\\?\Z:\desk.sqlite", drive_type) == (True, "remote")


def test_windows_unknown_drive() -> None:
    drive_type, _ = drive_types({"Q:\\": DRIVE_NO_ROOT_DIR})
    assert windows_location(r"Q:\desk.sqlite", drive_type) == (False, "unknown")
    assert windows_location(r"desk.sqlite", drive_type) == (False, "unknown")


def test_describe_this_machine(tmp_path: Path) -> None:
    found = describe(tmp_path / "not-yet" / "desk.sqlite")
    assert found.path.name == "desk.sqlite"
    if sys.platform.startswith("linux"):
        assert found.filesystem != "unknown"
        assert not found.network


@pytest.fixture
def tmpfs(tmp_path: Path):
    mount_point = tmp_path / "tmpfs"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount table")
def test_describe_reads_the_real_mount_table(tmpfs: Path) -> None:
    found = describe(tmpfs / "desk.sqlite")
    assert found.filesystem == "tmpfs"
    assert "size=1024k" in found.options
