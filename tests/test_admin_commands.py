"""retention-admin simulate / train-models / score-portfolio against the embedded demo database."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from retention_desktop.domain import exact_json

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = (ROOT / "docs" / "examples" / "showcase-quote.json").read_text(encoding="utf-8")


def admin(data_dir: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", data_dir, *args],
                          input=stdin, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def data_dir():
    folder = tempfile.mkdtemp(prefix="rdadm-")
    started = admin(folder, "--demo", "db", "start")
    assert started.returncode == 0, started.stderr
    yield folder
    admin(folder, "db", "stop")


def test_simulate_prints_scenarios_timeline_and_suggestion(data_dir):
    out = admin(data_dir, "simulate", "-", stdin=SHOWCASE)
    assert out.returncode == 0, out.stderr
    doc = exact_json.loads(out.stdout)
    names = [s["name"] for s in doc["scenarios"]]
    assert names == ["현재 상태", "소득 10% 증가", "카드론 상환", "금리 1.00%p 하락", "모두 적용"]  # one spelling: rate_shift_text
    assert all(set(s) == {"name", "max_new_loan", "binding_constraint"} for s in doc["scenarios"])
    assert [t["month"] for t in doc["timeline"]] == list(range(1, 37))
    suggestion = doc["suggestion"]
    assert set(suggestion) == {"action", "amount", "within_months", "rate_change_pct", "limit_change",
                               "binding_constraint", "explanation"}
    assert suggestion["action"] == "reduce_debt" and suggestion["rate_change_pct"] < 0


def test_simulate_accepts_custom_scenarios_and_names_bad_ones(data_dir):
    doc = json.loads(SHOWCASE)
    doc["scenarios"] = [{"name": "소득 20% 증가", "income_change_pct": 20}]
    out = admin(data_dir, "simulate", "-", stdin=json.dumps(doc, ensure_ascii=False))
    assert [s["name"] for s in exact_json.loads(out.stdout)["scenarios"]] == ["현재 상태", "소득 20% 증가"]
    doc["scenarios"] = [{"name": "x", "repay_kinds": ["yacht"]}]
    bad = admin(data_dir, "simulate", "-", stdin=json.dumps(doc))
    assert bad.returncode == 2 and "scenarios[0].repay_kinds" in bad.stderr and "Traceback" not in bad.stderr


def test_train_then_score_the_demo_book(data_dir, tmp_path):
    trained = admin(data_dir, "train-models")
    assert trained.returncode == 0, trained.stderr
    cards = json.loads(trained.stdout)
    assert cards["switching"]["auc_test"] > 0.5
    for card in cards.values():  # promoted only if it beats its one-feature baseline on the held-out loans
        assert card["promoted"] in ("model", "one_feature_baseline", "prior")
        if card["promoted"] == "model":
            assert card["auc_test"] > card["auc_one_feature_baseline"]["auc"]
    excel = tmp_path / "calls.xlsx"
    scored = admin(data_dir, "score-portfolio", "--xlsx", str(excel))
    assert scored.returncode == 0, scored.stderr
    summary = json.loads(scored.stdout)
    assert summary["call_list_entries"] > 0 and summary["branches"] >= 1 and excel.exists()
    assert sum(summary["recommended_actions"].values()) == summary["loans_scored"]
    assert set(summary["violations"].values()) == {0}
    assert "100% done" in scored.stderr  # the progress bar reached its end
    check_call_list_workbook(excel)
    wrong = admin(data_dir, "score-portfolio", "--xlsx", str(tmp_path / "calls.csv"))
    assert wrong.returncode == 2 and ".xlsx" in wrong.stderr


def check_call_list_workbook(path):
    """Numbers are numbers (Excel sorts and sums them) with their formats; the header is frozen and filtered."""
    from openpyxl import load_workbook

    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    first = {name: ws.cell(row=2, column=i + 1) for i, name in enumerate(header)}
    for name, fmt in (("현재금리", '0.00"%"'), ("제안금리", '0.00"%"'), ("이탈확률", "0%"), ("잔액", '#,##0"원"')):
        cell = first[name]
        assert cell.data_type == "n" and isinstance(cell.value, (int, float)), (name, cell.value)
        assert cell.number_format == fmt, (name, cell.number_format)
    assert 0 < first["이탈확률"].value <= 1 and 0 < first["현재금리"].value < 30
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")


def test_quote_without_reloan_offer_is_personalised(data_dir):
    out = admin(data_dir, "quote", "-", stdin=SHOWCASE)
    reloan = next(o for o in exact_json.loads(out.stdout)["options"] if o["label"] == "reloan")
    assert {"floor_rate_pct", "authority_rate_pct", "retention_probability"} <= set(reloan)
