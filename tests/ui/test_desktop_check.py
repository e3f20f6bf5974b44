"""A fresh Linux desktop: when Qt's xcb plugin cannot load, the program names the missing
system libraries and the apt command that installs them, instead of Qt's abort.

The real program runs in a subprocess with ``QT_QPA_PLATFORM=xcb``. Libraries cannot be
taken away from this machine, so one test puts a stand-in ``ldd`` first on the PATH that
reports ``libxcb-cursor.so.0`` missing, the way the real one does on a fresh desktop; the
other tests ask the real ``ldd`` about the real plugin."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ui.desktop_check import (
    PACKAGES,
    describe_missing,
    desktop_problem,
    install_command,
    missing_libraries,
    plugin_files,
    uses_xcb,
)

ROOT = Path(__file__).resolve().parents[2]
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktops only")


def _program(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), LANG="en_GB.UTF-8", LANGUAGE="",
               LC_ALL="", LC_MESSAGES="")
    env.update(extra)
    return env


def _fake_ldd(tmp_path: Path) -> Path:
    """An ``ldd`` that answers as on a desktop without libxcb-cursor0 (Qt ≥ 6.5 needs it)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    ldd = folder / "ldd"
    ldd.write_text("#!/bin/sh\n"
                   "echo '\tlinux-vdso.so.1 (0x00007ffd)'\n"
                   "echo '\tlibxcb-cursor.so.0 => not found'\n"
                   "echo '\tlibxcb.so.1 => /usr/lib/x86_64-linux-gnu/libxcb.so.1 (0x0)'\n")
    ldd.chmod(ldd.stat().st_mode | stat.S_IEXEC)
    return ldd


@linux
def test_a_missing_library_is_named_with_the_command_that_installs_it(tmp_path: Path) -> None:
    ldd = _fake_ldd(tmp_path)
    env = _env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":0",
               PATH=f"{ldd.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    result = _program(env, "--demo")
    assert result.returncode == 1
    assert "libxcb-cursor.so.0" in result.stderr
    assert "sudo apt install libxcb-cursor0" in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr
    assert "Traceback" not in result.stderr


@linux
def test_the_message_is_in_chinese_for_a_chinese_desktop(tmp_path: Path) -> None:
    ldd = _fake_ldd(tmp_path)
    env = _env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":0", LANG="zh_CN.UTF-8",
               PATH=f"{ldd.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    result = _program(env, "--demo")
    assert result.returncode == 1
    assert "缺少的系统库" in result.stderr and "sudo apt install libxcb-cursor0" in result.stderr


@linux
def test_no_display_is_said_instead_of_qts_abort(tmp_path: Path) -> None:
    result = _program(_env(tmp_path, QT_QPA_PLATFORM="xcb"), "--demo")
    assert result.returncode == 1, result.stderr
    assert "no desktop display" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr


@linux
def test_the_real_plugin_is_checked_with_the_real_loader() -> None:
    files = plugin_files()
    assert files and files[0].name == "libqxcb.so"
    missing = missing_libraries(files)
    # whatever this machine lacks is named with a package (or how to find one)
    for soname in missing:
        assert soname in describe_missing(missing, "en")
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "LANG": "en_GB.UTF-8"}
    assert (desktop_problem(env) is None) == (not missing)


def test_which_platforms_need_the_check() -> None:
    if not sys.platform.startswith("linux"):
        assert not uses_xcb({})
        return
    assert uses_xcb({})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"})


def test_one_command_installs_every_missing_library() -> None:
    assert install_command(["libxcb-cursor.so.0", "libxkbcommon-x11.so.0",
                            "libxcb-cursor.so.0"]) == (
        "sudo apt install libxcb-cursor0 libxkbcommon-x11-0")
    text = describe_missing(["libxcb-cursor.so.0", "libweird.so.9"], "en")
    assert "apt-file search libweird.so.9" in text


def test_the_readme_lists_the_libraries_and_the_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "libxcb-cursor0" in readme
    assert "sudo apt install" in readme
    for package in ("libxcb-icccm4", "libxkbcommon-x11-0", "libxcb-xinerama0"):
        assert package in readme and package in PACKAGES.values()
