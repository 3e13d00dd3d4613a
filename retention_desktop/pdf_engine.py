"""PDFium (pypdfium2), the one PDF engine that reads documents in this process, behind one lock.

PDFium is not thread-safe: two threads inside it at once crash the whole process (a segmentation
fault, seen when four uploads were checked at once). Every use, in the document checks as in the
proposal's pages, runs inside ``pdfium_lock()`` and closes what it opened before leaving it, so that
no object of PDFium's is freed later by the garbage collector in another thread.
(pypdfium2's documentation: "PDFium is not thread-safe … it is not allowed to call pdfium functions
simultaneously across different threads".)
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()  # re-entrant: a check may open a page while holding the document


def pdfium_lock() -> threading.RLock:
    """The process-wide lock around every PDFium call (``with pdfium_lock(): …``)."""
    return PDFIUM
