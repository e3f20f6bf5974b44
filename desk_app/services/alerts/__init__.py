"""How escalations reach people (R09) so that they act on them: call tasks merged per
incident and person and ended when their reason ends, reading settled by acknowledgement,
delivery states that never wait for ever, each person's language, reminder digests."""
