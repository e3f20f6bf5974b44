"""Lists of incidents: the queues (with their filters and sorting) and the search box."""
