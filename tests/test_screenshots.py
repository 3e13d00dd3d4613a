"""retention-desktop --demo --screenshots DIR renders every main screen, at both sizes, and exits 0."""

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
                          str(out)], capture_output=True, text=True, timeout=300, env=env)
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
    assert "Traceback" not in run.stderr
    assert not Path(data_dir, "embedded.pinned").exists()
