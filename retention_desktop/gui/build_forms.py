"""Compile the Qt Designer forms in ``ui/`` into ``retention_desktop/gui/forms/`` (never edit those).

Run ``python -m retention_desktop.gui.build_forms`` after changing a form; a test checks the
generated modules are current.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"
STAMP = "# Generated from ui/{name} by retention_desktop.gui.build_forms: DO NOT EDIT.\n"


def compiled(ui_file: Path) -> str:
    uic = Path(sys.executable).with_name("pyside6-uic")
    result = subprocess.run([str(uic) if uic.exists() else "pyside6-uic", "--from-imports", str(ui_file)],
                            check=True, capture_output=True, text=True)
    body = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("## Created by"))
    return STAMP.format(name=ui_file.name) + body + "\n"


def target(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target(ui_file).write_text(compiled(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
