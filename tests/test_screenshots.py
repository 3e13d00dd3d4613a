"""retention-desktop --demo --screenshots DIR renders every main screen and the rarely seen states, at both sizes,
in Korean and in English (DIR/en), and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage


def test_screenshot_mode_renders_every_screen(tmp_path):
    data_dir = tempfile.mkdtemp(prefix="rdshots-")
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", "from retention_desktop.cli import desktop_main; "
                          "raise SystemExit(desktop_main())", "--data-dir", data_dir, "--demo", "--screenshots",
                          str(out)], capture_output=True, text=True, timeout=420, env=env)
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    screens = ["dashboard", "search", "customer", "loan", "comparison", "proposal", "simulation", "call-list",
               "proposals", "applications", None, "head-office-products", "head-office-rate-sheets",
               "head-office-index-rates", "head-office-policy", None, None, "comparison-switch",
               "comparison-impossible"]
    for i, screen in enumerate(screens, start=1):
        if screen is None:  # a form, grabbed once at its own size
            continue
        for width, height in ((1366, 768), (1920, 1080)):
            name = f"{i:02d}-{screen}-{width}x{height}.png"
            assert name in names
            image = QImage(str(out / name))
            assert (image.width(), image.height()) == (width, height)
    assert {"00-login.png", "11-income-confirmation.png", "16-product-dialog-refused.png",
            "17-policy-dialog.png", "proposal-page-1.png", "proposal-page-2.png", "proposal-page-3.png"} <= set(names)
    states = ["state-arrears-customer", "state-arrears-loan", "state-arrears-comparison", "state-overdraft-customer",
              "state-overdraft-loan", "state-overdraft-comparison", "state-long-name-ten-loans", "state-12eok-loan",
              "state-12eok-comparison", "state-decisions"]
    for i, screen in enumerate(states, start=20):
        for width, height in ((1366, 768), (1920, 1080)):
            assert f"{i:02d}-{screen}-{width}x{height}.png" in names
    assert {"30-state-error-input.png", "31-state-error-bug.png", "32-state-print-dialog.png",
            "33-state-file-dialog.png"} <= set(names)
    english = sorted(p.name for p in (out / "en").glob("*.png"))
    for screen in ("01-dashboard", "03-customer", "05-comparison", "06-proposal", "07-simulation", "08-call-list",
                   "10-applications", "12-head-office-products", "15-head-office-policy", "20-state-arrears-customer",
                   "21-state-long-name-ten-loans", "22-state-decisions"):
        for width, height in ((1366, 768), (1920, 1080)):
            assert f"{screen}-{width}x{height}.png" in english
    assert {"00-login.png", "16-product-dialog-refused.png", "17-policy-dialog.png", "23-state-error-input.png",
            "24-state-print-dialog.png", "25-state-file-dialog.png"} <= set(english)
    assert "Traceback" not in run.stderr
    assert not Path(data_dir, "embedded.pinned").exists()
