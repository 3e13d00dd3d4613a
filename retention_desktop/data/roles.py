"""The database roles, named in one place.

Every role the application uses starts with one prefix (``rd_`` unless ``RETENTION_ROLE_PREFIX`` names
another, e.g. for a test run on a shared cluster). The SQL under ``db/sql`` is written with the default
names; :func:`qualify_sql` rewrites them when the prefix differs, so the SQL stays readable and this module
stays the single definition.

Group roles (NOLOGIN; what each may do is in docs/security.md, the grants in ``db/sql/90_grants.sql``):

========================  ===========================================================================
``rd_officer``            행원: serve the branch's customers (and others' under consultation access)
``rd_manager``            지점장: also approves within authority and executes re-loans (member of officer)
``rd_admin``              본부: products, rate sheets, index rates, policy, pricing rules, trust roots,
                          approval limits (member of manager: head-office staff serve at 본점영업부)
``rd_security``           보안·감사: reads and verifies the audit trail; no customer data
``rd_batch``              batch: reads the portfolio, writes call lists and model versions
========================  ===========================================================================

Roles nobody logs in as: ``rd_owner`` owns the private schema ``data`` and the API; ``rd_crossbranch`` owns
the few functions that must look across branches (the masked search, the consultation-access request,
proposal fingerprints, list labels, batch writes).
"""

from __future__ import annotations

import os
import re

DEFAULT_PREFIX = "rd_"
PREFIX_ENV = "RETENTION_ROLE_PREFIX"

#: officers.role → its group; the security and batch groups have no officer role of their own
OFFICER_ROLES = ("officer", "manager", "admin", "security")
GROUP_KINDS = ("officer", "manager", "admin", "security", "batch")
SYSTEM_KINDS = ("owner", "crossbranch")


def prefix() -> str:
    value = os.environ.get(PREFIX_ENV, DEFAULT_PREFIX)
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,15}_", value):
        raise ValueError(f"{PREFIX_ENV} must be lower-case letters, digits and '_' ending in '_', got {value!r}")
    return value


def group(kind: str) -> str:
    """The group role of ``kind`` (officer, manager, admin, security, batch)."""
    if kind not in GROUP_KINDS:
        raise ValueError(f"unknown group {kind!r}")
    return prefix() + kind


def system(kind: str) -> str:
    """``owner`` or ``crossbranch``: roles nobody logs in as."""
    if kind not in SYSTEM_KINDS:
        raise ValueError(f"unknown system role {kind!r}")
    return prefix() + kind


def login_role(employee_no: str) -> str:
    """An officer's own login role: ``rd_e1007`` for E1007."""
    name = prefix() + employee_no.strip().lower()
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ValueError(f"not a valid employee number for a database role: {employee_no!r}")
    return name


_DEFAULT_NAMES = re.compile(r"\brd_(" + "|".join(GROUP_KINDS + SYSTEM_KINDS) + r")\b")


def qualify_sql(sql: str) -> str:
    """The SQL of ``db/sql`` with the role names of this installation's prefix."""
    current = prefix()
    if current == DEFAULT_PREFIX:
        return sql
    return _DEFAULT_NAMES.sub(lambda m: current + m.group(1), sql)
