"""Build the frozen application (PyInstaller, one folder) and test it; on Windows, also the installer.

    python installer/build.py            # build, report the size, run the smoke test
    python installer/build.py --no-smoke # build only

The smoke test runs ``RetentionDesktop-console --demo --smoke`` on a fresh data folder: it starts the
embedded PostgreSQL, opens the main window, runs a comparison, builds, signs and verifies a proposal.
It fails on a non-zero exit or on any unexpected line on standard error. Exit status: 0 when all
steps pass and the folder is within its size aim (350 MB).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "RetentionDesktop"
# Lines the offscreen Qt platform (no screen on a build server) prints that are not errors of ours.
EXPECTED_STDERR = ("This plugin does not support propagateSizeHints()",)


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


AIM_MB = 350


def build() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                    str(ROOT / "installer" / "retention_desktop.spec")], check=True, cwd=ROOT / "installer")
    if platform.system() != "Windows":  # one program outside Windows: the console name is a link to it
        console = DIST / "RetentionDesktop-console"
        console.unlink(missing_ok=True)
        console.symlink_to("RetentionDesktop")
        strip_binaries(DIST / "_internal")
    return time.perf_counter() - started


def strip_binaries(folder: Path) -> int:
    """Strip the symbol tables (debugging aids, ~50 MB here) of the shared libraries it is safe for: not the ones a
    wheel's auditwheel repair rewrote with patchelf (those in ``*.libs`` folders, or carrying an RPATH/RUNPATH other
    than libpython's own) — strip corrupts their program headers ("ELF load command address/offset not
    page-aligned"). Returns the bytes saved."""
    strip, readelf = shutil.which("strip"), shutil.which("readelf")
    if strip is None or readelf is None:
        print("strip/readelf not found: binaries left as they are")
        return 0
    saved = 0
    for path in sorted(folder.rglob("*.so*")):
        if not path.is_file() or path.is_symlink() or any(part.endswith(".libs") for part in path.parts):
            continue
        dynamic = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True).stdout
        if ("RPATH" in dynamic or "RUNPATH" in dynamic) and not path.name.startswith("libpython"):
            continue
        before = path.stat().st_size
        if subprocess.run([strip, str(path)], capture_output=True).returncode == 0:
            saved += before - path.stat().st_size
    print(f"stripped symbol tables: {saved / 1024 / 1024:.0f} MB saved")
    return saved


def smoke() -> tuple[bool, float, str]:
    exe = DIST / ("RetentionDesktop-console.exe" if platform.system() == "Windows" else "RetentionDesktop-console")
    data_dir = Path(tempfile.mkdtemp(prefix="rdfrozen-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    run = subprocess.run([str(exe), "--data-dir", str(data_dir), "--demo", "--smoke"], capture_output=True,
                         text=True, timeout=600, env=env)
    elapsed = time.perf_counter() - started
    unexpected = [line for line in run.stderr.splitlines() if line.strip() and line.strip() not in EXPECTED_STDERR]
    print(run.stdout.strip())
    if unexpected:
        print("unexpected standard error from the frozen app:\n  " + "\n  ".join(unexpected[:40]))
    shutil.rmtree(data_dir, ignore_errors=True)
    return run.returncode == 0 and not unexpected, elapsed, run.stdout


def inno_setup() -> None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if not iscc:
        print("Inno Setup (iscc) not found: skipping the Windows installer")
        return
    subprocess.run([iscc, str(ROOT / "installer" / "retention_desktop.iss")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-smoke", action="store_true")
    args = parser.parse_args()
    seconds = build()
    size_mb = folder_size(DIST) / 1024 / 1024
    within = size_mb <= AIM_MB
    print(f"frozen build: {DIST} in {seconds:.0f} s, {size_mb:.0f} MB (aim <= {AIM_MB} MB) "
          f"{'MEETS' if within else 'MISSES'}")
    if platform.system() == "Windows":
        inno_setup()
    if args.no_smoke:
        return 0
    ok, elapsed, _out = smoke()
    print(f"frozen smoke test: {'PASSED' if ok else 'FAILED'} in {elapsed:.1f} s")
    return 0 if ok and within else 1


if __name__ == "__main__":
    raise SystemExit(main())
