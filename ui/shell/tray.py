"""The tray icon that keeps watch (R09): the unread count drawn on the icon, a menu (open,
notifications, pause pop-ups for an hour, keep running when the window closes, quit), and a
click that brings the window back.

Closing the window while someone is signed in hides it instead of quitting, so that a
workstation left with its window closed still runs the escalation round and still pops up
what is new; the first time, the tray says so. A person who wants Close to quit unticks
"Keep running in the tray" (a preference of this computer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from ui import paths, settings

KEEP_KEY = "tray/keep_running"  # Close hides the window (True, the default) or quits
TOLD_KEY = "tray/told_once"  # the one explanation was shown


def badge(icon: QIcon, count: int, size: int = 64) -> QIcon:
    """The icon with the count in a red disc at its top right (99+ beyond 99)."""
    pixmap = icon.pixmap(size, size)
    if count <= 0 or pixmap.isNull():
        return icon
    pixmap = QPixmap(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRect(size // 2 - 2, 0, size // 2 + 2, size // 2 + 2)
    painter.setBrush(QColor("#c62828"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(size // 4 if count < 100 else size // 5)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99+")
    painter.end()
    return QIcon(pixmap)


def keep_running() -> bool:
    return str(settings.settings().value(KEEP_KEY, "true")).lower() in ("true", "1")


class Tray(QObject):
    """The workstation's tray icon and its menu."""

    def __init__(self, window: QWidget, open_inbox: Callable[[], None],
                 pause: Callable[[int], None], resume: Callable[[], None],
                 quit_program: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.count = 0
        self.base = paths.icon("app")
        self.icon = QSystemTrayIcon(self.base, self)
        self.menu = QMenu(window)
        self.open_action = QAction(self.menu)
        self.open_action.triggered.connect(self.bring_back)
        self.inbox_action = QAction(self.menu)
        self.inbox_action.triggered.connect(lambda: (self.bring_back(), open_inbox()))
        self.pause_action = QAction(self.menu)
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(lambda on: pause(60) if on else resume())
        self.keep_action = QAction(self.menu)
        self.keep_action.setCheckable(True)
        self.keep_action.setChecked(keep_running())
        self.keep_action.toggled.connect(
            lambda on: settings.settings().setValue(KEEP_KEY, "true" if on else "false"))
        self.quit_action = QAction(self.menu)
        self.quit_action.triggered.connect(quit_program)
        for action in (self.open_action, self.inbox_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.pause_action)
        self.menu.addAction(self.keep_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.retranslate()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_count(self, count: int) -> None:
        """The unread notifications, on the icon and in its tooltip."""
        self.count = count
        self.icon.setIcon(badge(self.base, count))
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("&Open desk-app"))
        self.inbox_action.setText(self.tr("&Notifications"))
        self.pause_action.setText(self.tr("&Pause pop-ups for an hour"))
        self.keep_action.setText(self.tr("&Keep running in the tray when the window closes"))
        self.quit_action.setText(self.tr("&Quit"))
        tip = "desk-app"
        if self.count:
            tip += " — " + self.tr("%n unread notification(s)", "", self.count)
        self.icon.setToolTip(tip)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.bring_back()

    def bring_back(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def hide_window_instead_of_closing(self) -> bool:
        """Closing the window: hide it and keep watching (True), or let it close (False)."""
        if not self.icon.isVisible() or not keep_running():
            return False
        self.window.hide()
        if not settings.settings().value(TOLD_KEY, False, type=bool):
            settings.settings().setValue(TOLD_KEY, True)
            self.icon.showMessage(
                self.tr("desk-app keeps watching"),
                self.tr("Escalations still pop up while the window is closed. Click this "
                        "icon to open it again; Quit is in its menu."),
                QSystemTrayIcon.MessageIcon.Information, 10_000)
        return True
