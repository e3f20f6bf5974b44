"""Administration (R04): the process owner's settings, people, groups and calendars."""
