"""Demo loans for the engine benchmarks, straight from the generator (no database)."""

from __future__ import annotations

import datetime as dt

from retention_desktop.data.demo_population import generate

AS_OF = dt.date(2026, 11, 23)


def demo_tables(customers: int, seed: int = 1):
    return generate(customers, seed, AS_OF, b"b" * 32).tables
