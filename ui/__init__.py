"""The PySide6 presentation of desk-app. It imports ``desk_app``; nothing there imports this."""
