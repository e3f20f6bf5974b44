"""The attachments of an incident: files and screenshots, with thumbnails of images.

A file is added by dropping it on the panel, by pasting an image (Ctrl+V), or with
"Add file…"; it is sent to the core on the worker pool, so a 20 MB file never blocks the
window. The core refuses a file over the process owner's limit by its size, before reading
it, and refuses anything on a closed incident (R24); the panel says so up front by disabling
its buttons and drop area. Thumbnails are made here with QImage and kept with the
attachment, so the list never reads an image's bytes again.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desk_app.formatting import format_moment
from desk_app.i18n import text
from desk_app.services.knowledge import attachments as core
from desk_app.services.knowledge.attachments import AttachmentRow
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.errors import error_text
from ui.reading import read
from ui.widgets.calls import call
from ui.widgets.feedback import MessageBar
from ui.widgets.keys import shortcut

THUMB = 128
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"}


def thumbnail_of(image: QImage) -> bytes | None:
    """A PNG no larger than THUMB×THUMB, or None for an image Qt cannot read."""
    if image.isNull():
        return None
    small = image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def png_of(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class AttachmentsPanel(QWidget):
    busy_changed = Signal(bool)
    loaded = Signal()

    def __init__(self, context: UiContext, incident_id: int, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.incident_id = incident_id
        self.rows: list[AttachmentRow] = []
        self.refusal: str | None = None
        self.sending = 0
        self.setAcceptDrops(True)
        self.bar = MessageBar(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:palette(mid);")
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 48, THUMB + 52))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setAcceptDrops(False)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._selection)
        self.add_button = QPushButton(self.tr("&Add file…"), self)
        self.paste_button = QPushButton(self.tr("&Paste image"), self)
        self.paste_button.setToolTip(self.tr("Attach the image on the clipboard (Ctrl+V)"))
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.add_button.clicked.connect(self.choose_file)
        self.paste_button.clicked.connect(self.paste)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        shortcut(self, "Ctrl+V", self.paste)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.paste_button, self.open_button,
                       self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.reload)
        self._selection()
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def _hub_changed(self, changes: Changes) -> None:
        if self.incident_id in changes.incidents:
            self.reload()

    def reload(self) -> None:
        session, incident_id = self.context.session, self.incident_id
        read(self, lambda: (core.attachments(session, incident_id),
                            core.attach_refusal(session, incident_id),
                            core.limit_mb(session)), self._loaded,
             lambda error: self.bar.show_error(error_text(error, self.lang)))

    def _loaded(self, found: tuple[list[AttachmentRow], str | None, int]) -> None:
        self.rows, self.refusal, limit = found
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem(self._icon(row), f"{row.name}\n{core.size_text(row.size)}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            who = row.created_by or text("history.system", self.lang)
            item.setToolTip(f"{row.name}\n{core.size_text(row.size)} · {row.media_type}\n"
                            f"{who} · {format_moment(row.created_at, self.lang)}")
            self.list.addItem(item)
        allowed = self.refusal is None
        for button in (self.add_button, self.paste_button):
            button.setEnabled(allowed and not self.sending)
        if allowed:
            self.hint.setText(self.tr("Drop files here, paste a screenshot (Ctrl+V) or add a "
                                      "file; up to %1 MB each.").replace("%1", str(limit)))
        else:
            number = f"INC{self.incident_id:07d}"
            self.hint.setText(text(self.refusal or "", self.lang, number=number))
        self._selection()
        self.loaded.emit()

    def _icon(self, row: AttachmentRow) -> QIcon:
        if row.thumbnail:
            image = QImage.fromData(row.thumbnail)
            if not image.isNull():
                return QIcon(QPixmap.fromImage(image))
        style = self.style()
        kind = QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(kind)

    def _selection(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.refusal is None)

    def selected(self) -> AttachmentRow | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == wanted), None)

    # -- adding --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.refusal is None and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            for path in files:
                self.add_file(path)
        elif mime.hasImage():
            self.add_image(QImage(mime.imageData()))
        event.acceptProposedAction()

    def choose_file(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        for path in paths:
            self.add_file(path)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage():
            self.add_image(QImage(mime.imageData()))
        elif mime is not None and mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    self.add_file(url.toLocalFile())
        else:
            self.bar.show_warning(self.tr("The clipboard holds no image or file."))

    def add_image(self, image: QImage) -> None:
        if image.isNull():
            self.bar.show_warning(self.tr("The clipboard holds no image or file."))
            return
        data, thumb = png_of(image), thumbnail_of(image)
        name = self.tr("Screenshot") + f" {self._stamp()}.png"
        session, incident_id = self.context.session, self.incident_id
        self._send(lambda: core.attach_bytes(session, incident_id, name, data, thumb))

    def add_file(self, path: str) -> None:
        session, incident_id = self.context.session, self.incident_id

        def attach() -> Changes:
            thumb = None
            if Path(path).suffix.lower() in IMAGE_SUFFIXES:
                # read and scaled on the worker thread, only for a file within the limit
                try:
                    size = Path(path).stat().st_size
                except OSError:
                    size = -1
                if 0 <= size <= core.limit_bytes(session):
                    thumb = thumbnail_of(QImage(path))
            return core.attach_file(session, incident_id, path, thumb)

        self._send(attach)

    def _stamp(self) -> str:
        return self.context.session.clock.now().astimezone().strftime("%Y%m%d-%H%M%S")

    def _send(self, fn: object) -> None:
        self.bar.clear()
        self.sending += 1
        self.busy_changed.emit(True)
        self.add_button.setEnabled(False)
        self.paste_button.setEnabled(False)
        call(self, self.context, fn, self._sent, self._failed)  # type: ignore[arg-type]

    def _sent(self, _changes: Changes) -> None:
        self.sending -= 1
        self.busy_changed.emit(bool(self.sending))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.sending -= 1
        self.busy_changed.emit(bool(self.sending))
        self.bar.show_error(error_text(error, self.lang))
        self.reload()

    # -- open, save, remove --------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="desk-attachment-"))
        target = str(folder / row.name)
        session = self.context.session
        call(self, self.context, lambda: core.save_attachment(session, row.id, target),
             lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
             lambda error: self.bar.show_error(error_text(error, self.lang)))

    def save_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), row.name)
        if not target:
            return
        session = self.context.session
        call(self, self.context, lambda: core.save_attachment(session, row.id, target),
             lambda path: self.bar.show_message(
                 self.tr("Saved to %1").replace("%1", str(path)), "info"),
             lambda error: self.bar.show_error(error_text(error, self.lang)))

    def remove_selected(self) -> None:
        """Remove the selected attachment, after asking: the file is gone from the incident
        for everyone (its removal is journalled, its content is not kept)."""
        row = self.selected()
        if row is None:
            return
        if QMessageBox.question(
                self, self.tr("Remove attachment"),
                self.tr("Remove %1 from the incident for everyone?").replace("%1", row.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        session = self.context.session
        call(self, self.context, lambda: core.remove_attachment(session, row.id),
             lambda _changes: self.reload(),
             lambda error: self.bar.show_error(error_text(error, self.lang)))
