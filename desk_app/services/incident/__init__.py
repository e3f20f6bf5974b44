"""One incident's work: logging it, its lifecycle (R05), pending (R16–R18), what a
person may do with it now, its view and history."""
