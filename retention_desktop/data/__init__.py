"""Persistence: SQLAlchemy models, the central and embedded PostgreSQL, settings and credentials."""
