"""How personal data shows on screen and paper until it is revealed: 010-****-2362, us***@naver.com."""

from __future__ import annotations

import re


def mask_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return f"{digits[:3]}-****-{digits[-4:]}" if len(digits) >= 8 else "****"


def mask_email(email: str | None) -> str:
    if not email or "@" not in email:
        return ""
    local, domain = email.split("@", 1)
    return f"{local[:2]}{'*' * max(len(local) - 2, 3)}@{domain}"


def mask_address(address: str) -> str:
    words = address.split()
    return " ".join(words[:2] + ["***"]) if len(words) > 2 else "***"


def mask_name(name: str) -> str:
    """김하늘 → 김*늘, 이준 → 이*."""
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
