"""What a cold proposal command imports (issue 16: the proposal CLI within 1.5 s end to end): the chart is drawn
with reportlab (no matplotlib), and pyHanko signs without its network stack (no aiohttp) unless a timestamp
server is used; the lazy packages (proposal/lean_pyhanko.py) still give pyHanko the real classes. The signature's
stamp is drawn by reportlab (not pyHanko's OpenType engine, which read the whole font through fontTools), and the
attachments are written by pyHanko (pypdf, with fontTools and Pillow, only reads proposals)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SIGN_ONE = r"""
import datetime as dt, json, sys, tempfile
from pathlib import Path
from retention_desktop.proposal import document, signing
from retention_desktop.proposal.pki import ensure_demo_identity
from tests import proposal_samples

identity = ensure_demo_identity(Path(tempfile.mkdtemp()), "101", "강남역지점", "E1007", "권명숙")
rendered = document.render(proposal_samples.sample_content())
pdf = signing.sign(rendered.pdf, identity, rendered.signature_page, rendered.signature_box,
                   proposal_samples.stamp_lines(), proposal_samples.GOLDEN_SIGNED_AT)
loaded = sorted(m for m in ("matplotlib", "aiohttp", "requests", "pypdf", "fontTools", "pyhanko.pdf_utils.font.opentype")
                if m in sys.modules)
checked = signing.verify(pdf, [identity.root_pem])
print(json.dumps({"loaded": loaded, "ok": checked.ok}))
"""

TIMESTAMPS = r"""
import json, sys
from retention_desktop.proposal import lean_pyhanko
installed = lean_pyhanko.install()
import pyhanko.sign  # noqa: F401  (the signer's modules, as signing.py imports them)
before = "aiohttp" in sys.modules
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper as Real
from pyhanko_certvalidator.fetchers import aiohttp_fetchers
backend = aiohttp_fetchers.AIOHttpFetcherBackend()
print(json.dumps({"installed": installed, "aiohttp_before": before, "same_class": HTTPTimeStamper is Real,
                  "subclass": issubclass(HTTPTimeStamper, TimeStamper),
                  "backend": type(backend).__name__, "fetchers": bool(backend.get_fetchers().ocsp_fetcher)}))
"""


def _run(script: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_proposal_is_rendered_and_signed_without_matplotlib_a_network_stack_pypdf_or_fonttools():
    result = _run(SIGN_ONE)
    assert result == {"loaded": [], "ok": True}


def test_the_lazy_pyhanko_packages_give_the_real_timestamp_client_and_fetchers_when_asked():
    result = _run(TIMESTAMPS)
    assert result["installed"] == ["pyhanko.sign.timestamps", "pyhanko_certvalidator.fetchers.aiohttp_fetchers"]
    assert result["aiohttp_before"] is False
    assert result["same_class"] and result["subclass"]
    assert result["backend"] == "AIOHttpFetcherBackend" and result["fetchers"]


def test_the_proposal_commands_modules_leave_jsonschema_to_documents_read():
    """The proposal command reads no quote document: jsonschema (a quote's or settings' check) loads only when one
    is read (services/quoting.read_request, data/settings), not with the services a proposal goes through."""
    result = _run("import json, sys\n"
                  "import retention_desktop.services.administration, retention_desktop.services.proposal_service\n"
                  "print(json.dumps({'loaded': 'jsonschema' in sys.modules}))")
    assert result == {"loaded": False}


def test_the_proposal_command_runs_with_the_cycle_collector_paused_and_restores_it(tmp_path, monkeypatch):
    """One proposal in a process that exits: the cyclic collector is off while it runs (cli._without_cycle_collection,
    0.13-0.18 s of CPU), the objects made meanwhile frozen (0.23 s) and the collector on again afterwards."""
    import gc

    from retention_desktop import cli
    from retention_desktop.services import administration

    seen = []

    def proposal_command(*args, **kwargs):
        seen.append(gc.isenabled())
        return {"proposal_no": "P20261201-000001"}

    monkeypatch.setattr(administration, "proposal_command", proposal_command)
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        code = cli.admin_main(["--data-dir", str(tmp_path), "proposal", "--customer-no", "C00000001", "--loan-no",
                               "L0000000001", "--out", str(tmp_path / "p.pdf")])
        assert (code, seen, gc.isenabled()) == (0, [False], True)
        assert gc.get_freeze_count() > frozen  # what was made meanwhile is not walked again (at exit included)
    finally:
        gc.unfreeze()  # this test process goes on: its objects collected as before
