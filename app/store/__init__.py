"""The case store: SQLAlchemy models, engine and pragmas, unit of work, migrations, audit."""
