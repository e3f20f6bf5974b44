"""Who may sign in and how (passwords, lockout), secrets kept out of the shared file, and the
hash chain that makes edits made outside the program visible (docs/security.md)."""
