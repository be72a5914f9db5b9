"""The office server: PostgreSQL as the store, a thin stateless HTTP sync service in front.

`python -m server --database-url URL --listen 127.0.0.1:PORT` serves; `… admin …` are the
office's commands (see `/docs` of the project, sync.md). Shares `app.domain` (the wire,
the case state machine) and `app.security.sync_keys` with the desktop app, never its
SQLite models.
"""
