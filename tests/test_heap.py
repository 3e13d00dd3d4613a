"""Bulk work pauses the cyclic collector and always gives it back (retention_desktop/heap.py)."""

from __future__ import annotations

import gc
import threading

import pytest

from retention_desktop.heap import as_bulk_work, bulk_work
from retention_desktop.services.imports import IMPORTERS


def test_the_collector_is_paused_during_bulk_work_and_resumes_after_the_last_of_overlapping_jobs():
    assert gc.isenabled()
    first_in, release = threading.Event(), threading.Event()
    seen = []

    def first():
        with bulk_work():
            first_in.set()
            release.wait(5)
            seen.append(("first ends", gc.isenabled()))

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with bulk_work():
        with bulk_work():  # nested
            seen.append(("inside", gc.isenabled()))
        seen.append(("nested left", gc.isenabled()))
    seen.append(("second left, first running", gc.isenabled()))
    release.set()
    thread.join(5)
    assert seen == [("inside", False), ("nested left", False), ("second left, first running", False),
                    ("first ends", False)]
    assert gc.isenabled()


def test_a_failing_bulk_job_gives_the_collector_back_and_a_disabled_collector_stays_disabled():
    @as_bulk_work
    def fails():
        raise ValueError("bad file")

    with pytest.raises(ValueError):
        fails()
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk_work():
            pass
        assert not gc.isenabled()  # someone else's choice is not overridden
    finally:
        gc.enable()


def test_every_head_office_import_runs_as_bulk_work():
    for kind, importer in IMPORTERS.items():
        assert getattr(importer, "__wrapped__", None) is not None, kind
