"""The bank's password policy for officers' database logins (직원 DB 계정 비밀번호 정책).

Dated policy data with its source, not constants: ``CURRENT`` is the version in force; a bank with a stricter
internal rule passes its own ``PasswordPolicy`` (``retention-admin officers add --valid-days``).

Source: 금융보안원, 「금융분야 마이데이터 기술 가이드라인」 5장 비밀번호 관리 (the sector's published reading
of 전자금융감독규정 제32조 내부사용자 비밀번호 관리): at least 10 characters of two kinds, or 8 of three;
no easily guessed strings (sequences, repeated or keyboard runs, the user's own identifiers); changed
periodically, at most every 6 months. The defaults here are stricter on length and period: 12 characters
of three kinds (upper, lower, digit, symbol), 90 days (PostgreSQL ``VALID UNTIL``).
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass

from retention_desktop.domain.errors import InputError

_RUNS = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")


@dataclass(frozen=True)
class PasswordPolicy:
    """Length (characters), kinds of character required, validity (days), and where the rule comes from."""

    effective_from: dt.date
    min_length: int
    min_kinds: int
    valid_days: int
    max_run: int  # longest allowed run of one character or of a sequence (abcd, 1234, qwer)
    source: str

    def problems(self, password: str, employee_no: str = "") -> list[str]:
        """Why ``password`` breaks the policy, in words (empty if it is acceptable). Never echoes the password."""
        found: list[str] = []
        if len(password) < self.min_length:
            found.append(f"{self.min_length}자 이상이어야 합니다")
        if len(password) > 128:
            found.append("128자를 넘을 수 없습니다")
        if any(c.isspace() or ord(c) < 32 for c in password):
            found.append("공백이나 제어 문자를 쓸 수 없습니다")
        kinds = sum((any(c.isupper() for c in password), any(c.islower() for c in password),
                     any(c.isdigit() for c in password), any(c in string.punctuation for c in password)))
        if kinds < self.min_kinds:
            found.append(f"영문 대문자·소문자·숫자·특수문자 중 {self.min_kinds}종류 이상을 섞어야 합니다")
        lowered = password.lower()
        if employee_no and employee_no.lower() in lowered:
            found.append("직원번호를 포함할 수 없습니다")
        if _longest_run(lowered) > self.max_run:
            found.append(f"같은 문자나 연속된 문자(1234, abcd, qwer)를 {self.max_run + 1}자 이상 쓸 수 없습니다")
        return found

    def check(self, password: str, employee_no: str = "") -> None:
        """``InputError`` naming every rule ``password`` breaks."""
        found = self.problems(password, employee_no)
        if found:
            raise InputError("비밀번호가 정책에 맞지 않습니다: {problems}.", problems="; ".join(found))

    def valid_until(self, today: dt.date, valid_days: int | None = None) -> dt.date:
        """The day the password expires (PostgreSQL ``VALID UNTIL``): ``today`` + the validity in days."""
        days = self.valid_days if valid_days is None else valid_days
        if not 1 <= days <= 366:
            raise InputError("비밀번호 유효기간은 1–366일이어야 합니다: {days}", days=days)
        return today + dt.timedelta(days=days)


def _longest_run(text: str) -> int:
    """The longest stretch of one repeated character, or of consecutive characters of a known run (either way)."""
    best = 1 if text else 0
    same = 1
    for a, b in zip(text, text[1:]):
        same = same + 1 if a == b else 1
        best = max(best, same)
    for run in _RUNS:
        for sequence in (run, run[::-1]):
            length = 1
            for a, b in zip(text, text[1:]):
                i = sequence.find(a)
                length = length + 1 if i >= 0 and i + 1 < len(sequence) and sequence[i + 1] == b else 1
                best = max(best, length)
    return best


CURRENT = PasswordPolicy(
    effective_from=dt.date(2026, 12, 1), min_length=12, min_kinds=3, valid_days=90, max_run=3,
    source="금융보안원 금융분야 마이데이터 기술 가이드라인 5장(비밀번호 관리); 전자금융감독규정 제32조; 은행 내부 기준(12자, 90일)")
