"""Compile the Qt Designer forms in ``ui/`` into ``retention_desktop/gui/forms/`` (never edit those), and
the translations in ``resources/translations/*.ts`` into ``.qm``.

Run ``python -m retention_desktop.gui.build_forms`` after changing a form; a test checks the
generated modules are current.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
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


def compiled_translation(ts_file: Path) -> bytes:
    """The .qm of a Qt Linguist .ts file, compiled by pyside6-lrelease."""
    import tempfile

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    with tempfile.TemporaryDirectory() as tmp:
        qm = Path(tmp) / "out.qm"
        subprocess.run([str(lrelease) if lrelease.exists() else "pyside6-lrelease", "-silent", str(ts_file),
                        "-qm", str(qm)], check=True, capture_output=True)
        return qm.read_bytes()


def main() -> int:
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target(ui_file).write_text(compiled(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target(ui_file).relative_to(ROOT)}")
    for ts_file in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        ts_file.with_suffix(".qm").write_bytes(compiled_translation(ts_file))
        print(f"{ts_file.relative_to(ROOT)} -> {ts_file.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
