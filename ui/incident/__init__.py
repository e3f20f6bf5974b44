"""Logging an incident and working on one: the forms of the service desk and support staff."""
