"""The enumerations the quote contract and the database share: regions, loan and debt kinds, rate types,
repayment methods (docs/quote.md; the tables' CHECK constraints in ``data.models``).

A module of its own, free of the engine's imports (numpy), so the ORM models and the login path load
without the comparison engine; ``domain.quote`` re-exports them.
"""

from __future__ import annotations

from retention_desktop.domain.schedule import RepaymentMethod

REGIONS = ("capital", "non_capital")
LOAN_KINDS = ("credit", "mortgage", "jeonse", "other_secured", "overdraft")
DEBT_KINDS = LOAN_KINDS + ("card_loan", "instalment", "student")
RATE_TYPES = ("fixed", "variable", "mixed", "periodic")
METHODS = tuple(m.value for m in RepaymentMethod)
