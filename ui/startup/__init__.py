"""Starting the workstation: the demo database, the first-run wizard, signing in."""
