"""The bundled Korean font (NanumGothic, OFL), registered so Hangul renders on machines without one."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from retention_desktop.data.locations import resources_dir

log = logging.getLogger(__name__)

FAMILY = "NanumGothic"


def install_korean_font(app: QApplication, point_size: int = 10) -> str:
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("could not load bundled font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    family = FAMILY if FAMILY in families else (families[0] if families else app.font().family())
    app.setFont(QFont(family, point_size))
    return family
