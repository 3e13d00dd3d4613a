"""The outside test of 1 Dec 2026, fifth round (revision 0017, docs/security.md): the lead's part, each attack tried
as the officer's own login on the real database (the other parts: tests/test_security_fifth_round_*.py)."""

from __future__ import annotations

from tests.test_security_proposal_figures import app_quote, archive, genuine, refused  # noqa: F401 (fixtures)


def test_an_archived_quote_is_bounded_in_size(genuine):
    """Finding 8: proposals can never be deleted, and their quotes had no size bound, so an officer could fill
    the archive with rows nobody may remove. A quote is at most 64 KiB of JSON text (the app's: about 1.4 and
    5 KiB); the app's own quote still archives."""
    officer, states = genuine
    state = states["renegotiation"]
    quote_input, output = app_quote(state)
    output["notes"] = "가" * 30_000  # 90,000 bytes of UTF-8 in a key the database does not read
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514" and "quote_size" in str(error), str(error)
    assert archive(officer, state, *app_quote(state))
