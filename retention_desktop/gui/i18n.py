"""Translatable text: Korean is the source language; ``resources/translations/retention_en.ts`` gives English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "RetentionDesktop"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
