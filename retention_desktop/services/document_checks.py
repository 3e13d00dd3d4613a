"""첨부 서류 checked before anything is stored: the type by content (never by name), a PDF that opens
(not encrypted, or readable with an empty password) with 1 to ``MAX_PDF_PAGES`` pages, an image
that decodes whole within ``MAX_IMAGE_PIXELS``.

PDFs are opened with PDFium (pypdfium2, the engine of Chrome's viewer, hardened against hostile
files); images with Pillow, which decodes every pixel (a truncated JPEG fails here, not when
someone opens it later). Every refusal is a ``DocumentRejected`` in words for the officer.
"""

from __future__ import annotations

import io
import warnings

from retention_desktop.domain.errors import InputError
from retention_desktop.pdf_engine import pdfium_lock

MAGIC = {b"%PDF-": "application/pdf", b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
EXTENSIONS = {"application/pdf": (".pdf",), "image/png": (".png",), "image/jpeg": (".jpg", ".jpeg")}
MAX_PDF_PAGES = 50
MAX_IMAGE_PIXELS = 60_000_000  # a 600-dpi A3 scan is ~70 M pixels at most; phone photos ~12–50 M


class DocumentRejected(InputError):
    """Why a document was not attached, for the officer (nothing was stored)."""


def media_type(content: bytes, filename: str) -> str:
    """The file's type read from its first bytes; the name's extension must agree."""
    found = next((kind for magic, kind in MAGIC.items() if content.startswith(magic)), None)
    if found is None:
        raise DocumentRejected("PDF, PNG, JPEG 파일만 첨부할 수 있습니다.")
    if not filename.lower().endswith(EXTENSIONS[found]):
        raise DocumentRejected("파일 이름({filename})과 실제 형식({kind})이 다릅니다.", filename=filename[:100],
                               kind=found)
    return found


def check_document(content: bytes, filename: str) -> str:
    """The media type of a document that opens as what it claims to be; ``DocumentRejected`` otherwise."""
    kind = media_type(content, filename)
    if kind == "application/pdf":
        check_pdf(content)
    else:
        check_image(content, kind)
    return kind


def check_pdf(content: bytes) -> int:
    """The page count of a PDF that opens without a password (PDFium, under the process's one lock)."""
    with pdfium_lock():
        return _check_pdf(content)


def _check_pdf(content: bytes) -> int:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(content)  # no password: an empty user password still opens
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentRejected("암호가 걸린 PDF는 첨부할 수 없습니다. 암호를 풀어 저장한 뒤 첨부하세요.") from None
        raise DocumentRejected("PDF가 손상되었거나 완전하지 않아 열 수 없습니다 ({reason}). 원본 파일을 다시 받으세요.",
                               reason=str(exc)[:120]) from None
    try:
        pages = len(document)
        if pages < 1:
            raise DocumentRejected("쪽이 없는 PDF입니다.")
        if pages > MAX_PDF_PAGES:
            raise DocumentRejected("쪽이 너무 많습니다 ({pages}쪽, 최대 {limit}쪽).", pages=pages, limit=MAX_PDF_PAGES)
        for index in range(pages):  # every page must load, not only the page count in the trailer
            page = document[index]
            width, height = page.get_size()
            page.close()
            if not (width > 0 and height > 0):
                raise DocumentRejected("PDF {page}쪽의 크기를 읽을 수 없습니다.", page=index + 1)
        return pages
    except DocumentRejected:
        raise
    except Exception as exc:  # pdfium reports a broken page tree in several ways
        raise DocumentRejected("PDF가 손상되어 열 수 없습니다 ({reason}).", reason=str(exc)[:120]) from None
    finally:
        document.close()


def check_image(content: bytes, kind: str) -> tuple[int, int]:
    """(width, height) of a PNG or JPEG that decodes completely."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if (image.format or "").lower() not in ("png", "jpeg", "mpo"):
                    raise DocumentRejected("이미지 형식을 알 수 없습니다.")
                width, height = image.size
                if width < 1 or height < 1 or width * height > MAX_IMAGE_PIXELS:
                    raise DocumentRejected("이미지 크기가 맞지 않습니다 ({width}×{height}).", width=width, height=height)
                image.load()  # decode every pixel: a truncated or corrupt image fails now
                return width, height
    except DocumentRejected:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, MemoryError, EOFError) as exc:
        raise DocumentRejected("이미지가 손상되었거나 완전하지 않아 열 수 없습니다 ({reason}).",
                               reason=str(exc)[:120]) from None
