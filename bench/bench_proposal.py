"""Benchmark: build + sign one proposal, and verify one.

Targets (issue 6): build + sign <= 500 ms per proposal; verify <= 50 ms. "Verify" is the signature and, since
issue 13's finding 3(c), the printed pages read back and compared with the attached facts (printed separately
too). "Build" is rendering the
PDF (tables, chart, disclosures, QR, attachment) from a comparison already on screen; the comparison
and simulation themselves are measured in bench_comparison / bench_gui.

    python bench/bench_proposal.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    from retention_desktop.domain import exact_json
    from retention_desktop.proposal import document, page_check, signing
    from retention_desktop.services import proposal_service as ps
    from retention_desktop.services.administration import open_demo_ready
    from retention_desktop.services.limit_simulation import Toggles, simulate_for
    from retention_desktop.services.offer_comparison import open_comparison
    from retention_desktop.services.officer_session import log_in
    from retention_desktop.services.regulation import load_policies

    data_dir = Path(tempfile.mkdtemp(prefix="rdbprop-"))
    db = open_demo_ready(data_dir, True, lambda _a: None)
    officer = log_in(db, "E1007")
    today = dt.date.today()
    state = open_comparison(officer, "L0000000001", today)
    simulation = simulate_for(state, load_policies(officer.database), Toggles())
    identity = ps.signing_identity(officer, data_dir)
    quote_input = ps.quote_input_document(state)
    input_sha = ps.sha256_hex(exact_json.dumps(quote_input, indent=None).encode())
    head = ps.letterhead(officer, today)
    build, verify, pages = [], [], []
    for i in range(args.rounds):
        started = time.perf_counter()
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        content = ps.proposal_content(state, officer, "김하늘", f"P{today:%Y%m%d}-{i:06X}", today, now, quote_input,
                                      input_sha, simulation, True, head, "0" * 64)
        rendered = document.render(content)
        signed = signing.sign(rendered.pdf, identity, rendered.signature_page, rendered.signature_box,
                              ps.stamp_lines(officer, head, now, True), now)
        build.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = signing.verify(signed, ps.trust_roots(officer.database, data_dir))
        page_started = time.perf_counter()
        mismatch = page_check.page_mismatch(signed, document.printed_facts(signed) or {},
                                            content.summary.total_saving, state.customer_no)
        verify.append(time.perf_counter() - started)
        pages.append(time.perf_counter() - page_started)
        assert result.ok, result.reason
        assert mismatch is None, mismatch
    officer.database.close()
    db.close()
    for name, values, target in (("build + sign", build, 500), ("verify", verify, 50),
                                 ("of which the page check", pages, 50)):
        median = statistics.median(values[1:] or values) * 1000
        verdict = "MEETS" if median <= target else "MISSES"
        print(f"proposal {name}: median {median:.0f} ms over {len(values) - 1} rounds after a warm-up "
              f"(target <= {target} ms) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
