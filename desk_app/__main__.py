"""``python -m desk_app`` runs the administrator's command line."""

from desk_app.cli import main

raise SystemExit(main())
