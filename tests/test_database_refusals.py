"""A table's own constraint refusing a row (the last line of defence, which the API's worded checks should have
caught first) reaches the officer as a worded sentence naming the constraint and its SQLSTATE, in Korean and in
English, never as the server's English; the server's text goes to the log. The API's own refusals are shown as
they are written."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from retention_desktop.data import api_calls


def test_a_constraint_the_api_did_not_word_is_said_in_words_and_logged(db, caplog):
    from retention_desktop.messages import translator

    with db.session() as s:
        s.execute(text("CREATE TEMP TABLE offers_seen (rate_pct numeric CONSTRAINT offers_seen_rate_positive "
                       "CHECK (rate_pct > 0))"))
        with caplog.at_level(logging.WARNING, logger="retention_desktop.data.api_calls"), \
                pytest.raises(api_calls.Refused) as caught, api_calls.refusals():
            s.execute(text("INSERT INTO offers_seen VALUES (-1)"))
    refused = caught.value
    assert refused.sqlstate == "23514" and "violates check constraint" in refused.sentence
    assert str(refused) == ("저장하지 못했습니다: 데이터베이스의 무결성 규칙(offers_seen_rate_positive)에 맞지 않습니다 "
                            "(SQLSTATE 23514). 입력을 확인하고, 계속되면 본점 담당자에게 알려 주세요.")
    assert refused.message(translator("en")) == (
        "not saved: the database's integrity rule offers_seen_rate_positive refuses it (SQLSTATE 23514). "
        "Check the input; if it keeps happening, tell head office.")
    assert "violates check constraint" in caplog.text


def test_the_apis_own_refusals_are_shown_as_written(db):
    """A refusal the API raised itself (its own words, even an English one, with no table constraint) is the
    officer's sentence as written; so is a Korean one."""
    with db.session() as s, pytest.raises(api_calls.Refused) as caught, api_calls.refusals():
        s.execute(text("DO $$ BEGIN RAISE EXCEPTION 'policy.json: a policy with version x already exists' "
                       "USING ERRCODE = 'unique_violation'; END $$"))
    assert str(caught.value) == "policy.json: a policy with version x already exists"
    refused = api_calls.Refused("42501", "다른 지점의 고객입니다")
    assert str(refused) == "다른 지점의 고객입니다" and refused.sentence == "다른 지점의 고객입니다"
