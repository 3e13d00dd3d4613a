"""The repository's own documents stand alone: every link resolves inside the repository, and no text points the
reader at notes they do not have (the team's domain notes, source keys such as [S19], folders of this machine).
The regulatory sources are cited in docs/ itself (docs/regulation.md "Sources", docs/advice.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted([*ROOT.glob("docs/*.md"), ROOT / "README.md"])
LINK = re.compile(r"\]\(([^)\s]+)\)")
OUTSIDE = re.compile(r"domain notes|\[S\d+(?:[–-]S?\d+)?\]|/work/|/tmp/|file://|shared/(?:domain|style)\.md")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_links_resolve_inside_the_repository(document):
    broken = []
    for target in LINK.findall(document.read_text(encoding="utf-8")):
        path = target.split("#")[0]
        if not path or re.match(r"[a-z]+:", path):  # https:, mailto: and anchors within the page
            continue
        resolved = (document.parent / path).resolve()
        if not resolved.is_relative_to(ROOT) or not resolved.exists():
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_nothing_points_outside_the_repository(document):
    lines = document.read_text(encoding="utf-8").splitlines()
    assert [f"{n}: {line}" for n, line in enumerate(lines, 1) if OUTSIDE.search(line)] == []
