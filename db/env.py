"""Alembic environment: migrations run on the engine the application hands over."""

from __future__ import annotations

from alembic import context

from retention_desktop.data.models import Base, compared_by_alembic

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        # the version table stays where it always was, whatever the session's search_path puts first
        context.configure(connection=connection, target_metadata=target_metadata, compare_type=True,
                          include_object=compared_by_alembic, version_table_schema="public",
                          transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run 'retention-admin db upgrade'")
run_migrations_online()
