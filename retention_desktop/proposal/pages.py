"""A proposal's pages as pixels (pypdfium2), for the screen and for the printer.

PySide6-Essentials has no QtPdf, so pages are rasterised here: at screen resolution for the preview,
at the printer's resolution (capped) for printing. The signature field's appearance is a form
widget, drawn only once the document's form environment is initialised. PDFium is not thread-safe:
every call goes through the process's one lock (retention_desktop/pdf_engine.py).
"""

from __future__ import annotations

import numpy as np

from retention_desktop.pdf_engine import pdfium_lock

MAX_PRINT_DPI = 300  # an A4 page at 300 dpi is 2480 × 3508 pixels (35 MB as RGBA); finer adds nothing visible


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    with pdfium_lock():
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def render_page(pdf: bytes, index: int, dpi: float) -> np.ndarray:
    """Page ``index`` (0-based) at ``dpi`` as an RGB array (height × width × 3, uint8), signature drawn."""
    return render_pages(pdf, dpi, [index])[0]


def render_pages(pdf: bytes, dpi: float, indexes: list[int] | None = None) -> list[np.ndarray]:
    """The pages ``indexes`` (default: all) at ``dpi`` as RGB arrays."""
    import pypdfium2 as pdfium

    with pdfium_lock():
        document = pdfium.PdfDocument(pdf)
        try:
            document.init_forms()
            out = []
            for i in range(len(document)) if indexes is None else indexes:
                page = document[i]
                try:
                    bitmap = page.render(scale=dpi / 72, rev_byteorder=True, may_draw_forms=True)
                    try:  # copied out, then freed inside the lock (never later by the collector)
                        array = bitmap.to_numpy()
                        out.append(np.array(array[:, :, :3]) if array.shape[2] == 4 else array.copy())
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            return out
        finally:
            document.close()
