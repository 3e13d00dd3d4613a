"""Alembic environment and revisions of the Retention Desktop schema (shipped as package data)."""
