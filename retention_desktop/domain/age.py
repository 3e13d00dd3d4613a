"""만 나이: a person's age in whole years completed, the statutory reading since 2023-06-28 (민법 제158조,
행정기본법 제18조의2). Shown to identify a customer, never used to explain a price or a call."""

from __future__ import annotations

import datetime as dt


def full_age(birth: dt.date, on: dt.date) -> int:
    """Whole years from ``birth`` to ``on`` (one more on each birthday; a 29 February birthday counts on 1 March
    in common years)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def full_age_text(birth: dt.date, on: dt.date) -> str:
    """``만 40세``."""
    return f"만 {full_age(birth, on)}세"
