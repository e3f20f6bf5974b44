"""Bringing a desk's history in from another tool, and everything out again (issue 15).

An import reads a table (``source``), maps its columns and values to ours (``mapping``,
with presets per tool in ``formats``), rebuilds each incident's history from its rows
(``history``), and writes what the process allows (``writer``); a dry run stops before the
writer and reports every row it would refuse and why. People come in by ``people``; the
bundle of ``bundle`` takes a whole database out and back in.
"""
