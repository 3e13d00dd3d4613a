"""The engine's sentences (advice, reasons, flags, events, rule explanations) as message templates.

A ``Sentence`` reads as its Korean text everywhere a string goes (the proposal PDF, the log, the command line,
the database), and keeps the Korean template it was made from and the values filled in, so a screen can say it
in the officer's language at display time: the template is the message key of the translation catalogue
(``resources/translations/retention_en.ts``, Korean source → English), the values are rendered in turn
(amounts and words the catalogue knows). ``gui.i18n.localize`` does that for the screens; the proposal stays
Korean (the customer's document).

    say("시장 최저 {rate}보다 {gap:.2f}%p 높은 금리", rate="5.05%", gap=Decimal("0.35"))

A template's placeholders are named; a value that is a ``str`` (or a ``Sentence``) is translated as a whole
when rendered, numbers keep the format spec the template gives them. ``joined`` keeps the parts of a list
of sentences so each is said in the screen's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

_FIELD = re.compile(r"\{(\w+)(![rsa])?(:[^{}]*)?\}")


class Sentence(str):
    """Korean text that remembers its template and values (see the module doc)."""

    template: str | None
    values: Mapping[str, Any]
    separator: str
    parts: tuple[str, ...]

    def __new__(cls, template: str, /, **values: Any) -> Sentence:
        made = super().__new__(cls, _fill(template, values) if values else template)
        made.template, made.values, made.separator, made.parts = template, values, "", ()
        return made

    @classmethod
    def joined(cls, separator: str, parts: Iterable[str]) -> Sentence:
        parts = tuple(parts)
        made = super().__new__(cls, separator.join(parts))
        made.template, made.values, made.separator, made.parts = None, {}, separator, parts
        return made

    def __reduce__(self):  # a copy (or pickle) keeps what the sentence was made from
        if self.template is None:
            return (_rejoin, (self.separator, self.parts))
        return (_remake, (self.template, dict(self.values)))


def _remake(template: str, values: dict) -> Sentence:
    return Sentence(template, **values)


def _rejoin(separator: str, parts: tuple) -> Sentence:
    return Sentence.joined(separator, parts)


def say(template: str, /, **values: Any) -> Sentence:
    """The sentence ``template`` with ``values`` filled in (Korean), translatable at display time."""
    return Sentence(template, **values)


def joined(separator: str, parts: Iterable[str]) -> Sentence:
    """``separator.join(parts)`` that a screen can still say part by part in its language."""
    return Sentence.joined(separator, parts)


def render(text: str, template_in: Callable[[str], str], value_in: Callable[[str], str]) -> str:
    """``text`` in another language: a sentence's template through ``template_in`` (the catalogue), its string
    values (and a plain string) through ``value_in``; a template the catalogue lacks keeps its Korean words but
    still has its values rendered. Never raises on a translation whose placeholders do not match: the Korean
    text is shown instead (and the language test finds it)."""
    if not isinstance(text, Sentence):
        return value_in(text)
    if text.template is None:
        return text.separator.join(render(part, template_in, value_in) for part in text.parts)
    values = {k: render(v, template_in, value_in) if isinstance(v, str) else v for k, v in text.values.items()}
    try:
        return _fill(template_in(text.template), values)
    except (KeyError, IndexError, ValueError):
        return _fill(text.template, values)


def _fill(template: str, values: Mapping[str, Any]) -> str:
    """``template.format(**values)``; a value that is text (one read back by ``Templates.parsed``, or a sentence)
    is put in as it reads: a number's format spec does not apply to it."""
    return _FIELD.sub(lambda m: "{" + m.group(1) + "}" if isinstance(values.get(m.group(1)), str) else m.group(0),
                      template).format(**values)


def _readable(template: str) -> bool:
    """A template that can be read back: named placeholders only, and Korean words of its own between them."""
    names = [m.group(1) for m in _FIELD.finditer(template)]
    return bool(names) and "{{" not in template and all(n.isidentifier() for n in names) \
        and re.search("[\uac00-\ud7a3]", _FIELD.sub("", template)) is not None


class Templates:
    """Reads a stored sentence back (a reason or an eligibility kept in the database as its Korean text) against
    the catalogue's templates: ``parsed(text)`` is the ``Sentence`` it was made from, or None."""

    def __init__(self, templates: Iterable[str]):
        self._patterns = []
        for template in sorted({t for t in templates if _readable(t)}, key=len, reverse=True):
            parts, last, names = [], 0, []
            for m in _FIELD.finditer(template):
                parts.append(re.escape(template[last:m.start()]))
                if m.group(1) in names:  # a value said twice must read the same
                    parts.append(f"(?P={m.group(1)})")
                else:
                    parts.append(f"(?P<{m.group(1)}>.+?)")
                    names.append(m.group(1))
                last = m.end()
            parts.append(re.escape(template[last:]))
            self._patterns.append((template, re.compile("".join(parts) + r"\Z", re.S)))

    def parsed(self, text: str) -> Sentence | None:
        for template, pattern in self._patterns:
            m = pattern.match(text)
            if m:
                return Sentence(template, **m.groupdict())
        return None
