"""Working many incidents at once in the workstation: the queues' and search's context
menu, bulk actions with progress and a summary, copy, export, print and saved queues."""
