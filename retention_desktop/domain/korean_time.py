"""Korean dates and Korean time (한국 표준시, KST) as printed for customers: ``2026년 11월 30일``,
``2026년 11월 30일 오후 7시 37분``.

Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact for every date this
product prints and needs no time-zone database (which Windows does not ship).
"""

from __future__ import annotations

import datetime as dt

KST = dt.timezone(dt.timedelta(hours=9), "KST")


def korean_time(moment: dt.datetime) -> dt.datetime:
    """``moment`` (time-zone aware) in Korean time; a naive time is refused (ValueError): its zone is unknown."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive datetime has no time zone; give an aware one")
    return moment.astimezone(KST)


def format_date_ko(day: dt.date) -> str:
    """``2026년 11월 30일`` (a datetime is first put in Korean time)."""
    if isinstance(day, dt.datetime):
        day = korean_time(day).date()
    return f"{day.year}년 {day.month}월 {day.day}일"


def format_time_ko(moment: dt.datetime, seconds: bool = False) -> str:
    """``오후 7시 37분`` in Korean time (12-hour, 오전/오후; midnight is 오전 12시)."""
    t = korean_time(moment)
    half = "오전" if t.hour < 12 else "오후"
    hour = t.hour % 12 or 12
    text = f"{half} {hour}시 {t.minute}분"
    return f"{text} {t.second}초" if seconds else text


def format_datetime_ko(moment: dt.datetime, seconds: bool = False) -> str:
    """``2026년 11월 30일 오후 7시 37분`` in Korean time."""
    return f"{format_date_ko(moment)} {format_time_ko(moment, seconds)}"
