"""The process owner's screens (R04): matrix, targets, codes, people, groups, calendars."""
