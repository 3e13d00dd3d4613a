"""The house rules that keep the code base navigable: layer contracts and current generated forms."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from retention_desktop.gui import build_forms

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    """domain imports neither Qt nor SQLAlchemy; Qt stays in gui; gui > services > data > domain; nothing imports
    scikit-learn or scipy; the services (and the domain modules) form no import cycle."""
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_generated_forms_are_current():
    stale = [ui.name for ui in sorted((ROOT / "ui").glob("*.ui"))
             if build_forms.target(ui).read_text(encoding="utf-8") != build_forms.compiled(ui)]
    assert stale == [], f"run 'python -m retention_desktop.gui.build_forms' for: {stale}"


def test_compiled_translations_are_current():
    stale = [ts.name for ts in sorted(build_forms.TRANSLATIONS_DIR.glob("*.ts"))
             if not ts.with_suffix(".qm").exists()
             or ts.with_suffix(".qm").read_bytes() != build_forms.compiled_translation(ts)]
    assert stale == [], f"run 'python -m retention_desktop.gui.build_forms' for: {stale}"


def test_every_table_header_has_an_english_translation():
    """Column headers are translated where they are shown (RecordsModel.headerData), so each needs an entry."""
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(build_forms.TRANSLATIONS_DIR / "retention_en.ts")
    shell = next(c for c in tree.getroot() if c.findtext("name") == "RetentionDesktop")
    translated = {m.findtext("source") for m in shell.iter("message") if (m.findtext("translation") or "").strip()}
    headers = {h for path in (ROOT / "retention_desktop" / "gui").rglob("*.py")
               for h in re.findall(r'Column\("([^"]+)"', path.read_text(encoding="utf-8"))}
    assert len(headers) > 50
    assert sorted(headers - translated) == []


def test_the_manager_approval_rule_is_written_once():
    """A rate below the officer's authority needs the manager (domain/pricing.py ``needs_manager_approval``); no
    other module compares a rate with ``authority_rate_pct`` itself (the screen and the counter-offer once did)."""
    import ast

    package = ROOT / "retention_desktop"
    found = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "domain" / "pricing.py" or "forms" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(
                    isinstance(side, ast.Attribute) and side.attr == "authority_rate_pct"
                    for side in (node.left, *node.comparators)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
