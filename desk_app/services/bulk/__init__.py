"""Working many incidents at once: bulk actions run each incident through the one-incident
service, copy/export/print read whole queues, and saved queues keep a person's conditions."""
