"""The demo database: made on first use in the user data folder, with a progress bar (it
plays three weeks of a service desk through the real services, about ten seconds)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

DEMO_INCIDENTS = 200


def demo_path() -> Path:
    return Path(user_data_dir("desk-app", appauthor=False)) / "demo.sqlite"


class _Builder(QThread):
    progress = Signal(int, int)
    failed = Signal(object)

    def __init__(self, path: Path, incidents: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.incidents = incidents
        self.error: BaseException | None = None

    def run(self) -> None:
        from desk_app.demo import build_demo

        try:
            build_demo(self.path, incidents=self.incidents,
                       progress=lambda done, total: self.progress.emit(done, total))
        except Exception as error:  # shown by the caller
            self.error = error


def ensure_demo(parent: QWidget | None = None, *, path: Path | None = None,
                incidents: int = DEMO_INCIDENTS) -> Path:
    """The demo file, made first if it is not there yet. It is built beside its final name
    and renamed when complete, so an interrupted build never leaves half a demo behind."""
    target = path or demo_path()
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Demo", "desk-app demo"))
    dialog.setLabelText(QCoreApplication.translate(
        "Demo", "Making the demo database: three weeks of a service desk's incidents…"))
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setRange(0, incidents)
    dialog.setMinimumWidth(420)
    builder = _Builder(partial, incidents)
    loop = QEventLoop()
    builder.progress.connect(lambda done, total: dialog.setValue(min(done, total)))
    builder.finished.connect(loop.quit)
    builder.start()
    dialog.show()
    loop.exec()
    builder.wait()
    dialog.close()
    if builder.error is not None:
        partial.unlink(missing_ok=True)
        raise builder.error
    partial.replace(target)
    return target
