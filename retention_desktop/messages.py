"""The message catalogue outside Qt: the command line reads the same ``resources/translations/*.ts`` the GUI
compiles for Qt, so an error reads the same in both (Korean source, English where translated)."""

from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable

from retention_desktop.data.locations import resources_dir

log = logging.getLogger(__name__)

CONTEXT = "RetentionDesktop"


@functools.cache
def _catalogue(language: str) -> dict[str, str]:
    path = resources_dir() / "translations" / f"retention_{language}.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        log.warning("no message catalogue for %s (%s); messages stay Korean", language, exc)
        return {}
    table: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), (message.findtext("translation") or "").strip()
            if source and translation:
                table[source] = translation
    return table


def translator(language: str) -> Callable[[str], str]:
    """``text -> text in language`` (Korean, the source language, needs no catalogue)."""
    if language == "ko":
        return lambda text: text
    table = _catalogue(language)
    return lambda text: table.get(text, text)


@functools.cache
def stored_sentences(language: str = "en"):
    """The catalogue's templates, to read a sentence stored as its Korean text back (``domain.sentences``)."""
    from retention_desktop.domain.sentences import Templates

    return Templates(_catalogue(language))
