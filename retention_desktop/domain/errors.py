"""The one error model: a failure a person can act on carries its message and, for files, where it is.

Every error raised for bad input or an unusable database derives from ``UserError``. Its text is
written in Korean (the source language, as everywhere in the app) with ``{name}`` placeholders;
``message(translate)`` looks the text up in a catalogue first (Qt's ``tr`` in the GUI,
``retention_desktop.messages`` on the command line), so an English run reads English wherever the
catalogue has the sentence, and Korean otherwise. The place (``Where``) is never translated: a file
name with line and column (``rates.csv:12:3``), or a JSON path (``current_loan.balance``).

Exit status on the command line: 2 for bad input (``UserError``, ``InputError``), 3 when the
database cannot be reached (``Unavailable``); anything else is a bug (exit 1, traceback in the log).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from retention_desktop.domain.sentences import render

EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 3
EXIT_BUG = 1


@dataclass(frozen=True)
class Where:
    """Where in a file or document the problem is: ``file:line:column`` and/or a JSON path."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        place = ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)
        if self.path:
            place = f"{place}: {self.path}" if place else self.path
        return place


def _identity(text: str) -> str:
    return text


class UserError(Exception):
    """Something the user (officer, administrator) can fix; the message says what and, where it helps, how.

    ``UserError("고객 {customer_no}가 없습니다.", customer_no="C1")``; a plain finished sentence works
    too (it is then shown as written, untranslated).
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, text: str, *, where: Where | str | None = None, **params: object):
        self.text = text
        self.params = params
        self.where = Where(path=where) if isinstance(where, str) else where
        super().__init__(self.message())

    def message(self, translate: Callable[[str], str] | None = None) -> str:
        """The message in the catalogue's language (``translate``), prefixed with the place if there is one."""
        translate = translate or _identity
        template = translate(self.text)
        # a value that is a word or a sentence of the catalogue ("기본 프린터", an engine sentence) is said too
        params = {k: render(v, translate, translate) if isinstance(v, str) else v for k, v in self.params.items()}
        try:
            body = template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder: fall back
            body = self.text.format(**self.params) if self.params else self.text
        place = str(self.where) if self.where is not None else ""
        return f"{place}: {body}" if place else body


class InputError(UserError, ValueError):
    """A value, file or document that cannot be used as given (exit 2)."""


class Unavailable(UserError):
    """The database (or the embedded server) cannot be reached (exit 3)."""

    exit_code = EXIT_UNAVAILABLE
