"""The workstation's side of sign-in safety: switch user, idle lock, a person's own password,
and returning to the sign-in screen when the core signs a person out."""
