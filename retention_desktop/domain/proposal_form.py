"""Head office's settings for the printed proposal (제안서 양식): the bank's name, the advertising review
number (준법감시인 심의필 번호, 금융소비자보호법 제22조) and the bank's consumer-protection contact.

Stored centrally (``app_meta['proposal_form']``, written only through ``set_proposal_form``); this module
reads the stored JSON into a typed value and says when it may not be used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from retention_desktop.domain.errors import InputError

PHONE = re.compile(r"^(0[0-9]{1,2}-[0-9]{3,4}|1[0-9]{3})-[0-9]{4}$")  # 02-0000-0101, 1588-0000


class ProposalFormError(InputError):
    """The settings are missing, malformed or expired; the message says which and what to do."""


@dataclass(frozen=True)
class ProposalForm:
    bank_name: str
    ad_review_no: str
    ad_review_valid_until: dt.date | None
    consumer_protection_phone: str
    consumer_protection_name: str = "금융소비자보호부"

    @classmethod
    def from_document(cls, doc: Mapping[str, Any] | None) -> ProposalForm:
        if not doc:
            raise ProposalFormError("본부의 제안서 양식 설정(광고 심의필 번호, 소비자보호 연락처)이 없습니다: "
                                    "retention-admin proposal-form set 으로 등록하세요.")
        review = str(doc.get("ad_review_no") or "").strip()
        phone = str(doc.get("consumer_protection_phone") or "").strip()
        if not review or len(review) > 80:
            raise ProposalFormError("제안서 양식 설정의 광고 심의필 번호가 비었거나 80자를 넘습니다.")
        if not PHONE.match(phone):
            raise ProposalFormError(f"제안서 양식 설정의 소비자보호 연락처가 전화번호 형식이 아닙니다: {phone!r}")
        until = doc.get("ad_review_valid_until")
        try:
            valid_until = dt.date.fromisoformat(until) if until else None
        except (TypeError, ValueError):
            raise ProposalFormError(f"심의필 유효기한이 날짜(YYYY-MM-DD)가 아닙니다: {until!r}") from None
        return cls(str(doc.get("bank_name") or "").strip() or "은행", review, valid_until, phone,
                   str(doc.get("consumer_protection_name") or "").strip() or "금융소비자보호부")

    def require_valid_on(self, day: dt.date) -> None:
        """A form whose review has lapsed may not be printed (ProposalFormError)."""
        if self.ad_review_valid_until is not None and day > self.ad_review_valid_until:
            raise ProposalFormError(f"광고 심의필({self.ad_review_no})의 유효기한 {self.ad_review_valid_until:%Y-%m-%d}이 "
                                    "지났습니다: 본부에 새 심의필 번호를 요청하세요.")

    def as_document(self) -> dict[str, Any]:
        return {"bank_name": self.bank_name, "ad_review_no": self.ad_review_no,
                "ad_review_valid_until": self.ad_review_valid_until.isoformat() if self.ad_review_valid_until else None,
                "consumer_protection_phone": self.consumer_protection_phone,
                "consumer_protection_name": self.consumer_protection_name}
