"""The workstation's knowledge screens: suggestions while logging, the Knowledge screen,
the template editor, and the attachments of an incident (docs/knowledge.md)."""
