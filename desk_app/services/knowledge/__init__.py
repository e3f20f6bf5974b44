"""Resolving more at first contact: knowledge articles, suggestions while logging, incident
templates and attachments (docs/knowledge.md)."""
