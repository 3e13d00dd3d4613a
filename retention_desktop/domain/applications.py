"""재대출 신청의 상태: draft → submitted → approved / rejected → executed; cancelled from any open state.

The words for them. The rules — which moves exist, who may make each (segregation of duties, approval
authority), the re-checks at execution — are the database's (``db/sql/50_applications.sql``), in one place;
the desktop asks it what an officer may do (``api.application_actions``).
"""

from __future__ import annotations

OPEN_STATES = ("draft", "submitted", "approved")
STATE_KO = {"draft": "작성 중", "submitted": "심사 요청", "approved": "승인", "rejected": "거절", "executed": "실행",
            "cancelled": "취소"}
