"""Pure rules of the incident process: no storage, no I/O, no clock."""
