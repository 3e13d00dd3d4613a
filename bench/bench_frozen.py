"""Benchmark: the frozen build's start to its first window, and the bundle size.

Targets (issue 7): frozen start to first window <= 3 s; bundle size reported (aim <= 350 MB).
Needs a build in dist/ (python installer/build.py). Runs the frozen app's smoke mode three times on
fresh data folders and reads the time from process start to the login window it reports.

    python bench/bench_frozen.py
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "RetentionDesktop"


def main() -> int:
    exe = DIST / ("RetentionDesktop-console.exe" if platform.system() == "Windows" else "RetentionDesktop-console")
    if not exe.exists():
        print("no frozen build: run python installer/build.py first")
        return 1
    size = sum(p.lstat().st_size for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()) / 1024 / 1024
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    firsts = []
    for _ in range(3):
        run = subprocess.run([str(exe), "--data-dir", tempfile.mkdtemp(prefix="rdfb-"), "--demo", "--smoke"],
                             capture_output=True, text=True, timeout=600, env=env)
        found = re.search(r"first window after ([0-9.]+) s", run.stdout)
        if run.returncode != 0 or not found:
            print(run.stdout, run.stderr)
            return 1
        firsts.append(float(found.group(1)))
    median = statistics.median(firsts)
    print(f"frozen start to first window: median {median:.2f} s over 3 cold starts (target <= 3 s) "
          f"{'MEETS' if median <= 3 else 'MISSES'}")
    print(f"bundle size: {size:.0f} MB (aim <= 350 MB) {'MEETS' if size <= 350 else 'MISSES'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
