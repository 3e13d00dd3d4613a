"""Where the application keeps its files, and where its shipped files are.

The data folder (settings, logs, the embedded database) defaults to the platform's per-user
data folder and can be moved with ``--data-dir``. Shipped files (Alembic migrations under
``db/``, fonts and texts under ``resources/``) are found the same way in a source checkout, an
installed wheel and the frozen build.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import platformdirs

from retention_desktop import APP_NAME


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def _shipped_dir(package: str, folder: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / folder
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / folder


def migrations_dir() -> Path:
    """The Alembic environment (top-level ``db/``)."""
    return _shipped_dir("retention_desktop_db", "db")


def resources_dir() -> Path:
    """Fonts, disclosure texts and sample files (top-level ``resources/``)."""
    return _shipped_dir("retention_desktop_resources", "resources")


def quote_schema_path() -> Path:
    """The published quote contract, ``docs/quote.schema.json``: the very file the input is checked against."""
    return _shipped_dir("retention_desktop_docs", "docs") / "quote.schema.json"
