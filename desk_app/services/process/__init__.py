"""The process's reference data the rules read: working calendars, service targets
(R15), the priority matrix (R13) and settings, with the cache that keeps them."""
