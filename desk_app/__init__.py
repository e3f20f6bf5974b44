"""desk-app core: the incident process (PROCESS.md R01–R24) on a SQLite file.

This package never imports Qt, so it can be scripted, tested and run headless; the
presentation lives in the separate ``ui`` package, which imports this one.
"""

__version__ = "0.1.0"
