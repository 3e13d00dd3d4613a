"""PAdES signatures on proposals (pyHanko): B-B always, B-T when a timestamp server is configured;
a visible signature field in Korean (who signed, branch, Korean time); verification against the bank's
trust roots.

The field's appearance (the stamp) is drawn by reportlab in the bundled NanumGothic, the face the pages are
already set in, and imported into the field as a form: pyHanko's own text stamp read the whole 20,138-glyph
font through fontTools for the few dozen glyphs it shows (signing took 0.24 s of a cold proposal command, now
0.04 s, and fontTools is no longer imported; issue 16). The stamp is laid out by the rules pyHanko's text stamp applied
(``stamp_layout``), so it looks as before."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from retention_desktop.proposal import lean_pyhanko

lean_pyhanko.install()  # before pyHanko: its timestamp client (aiohttp) loads only when a timestamp is fetched

from pyhanko.pdf_utils import content as pdf_content  # noqa: E402
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: E402
from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, SimpleBoxLayoutRule  # noqa: E402
from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: E402
from pyhanko.sign import fields, signers  # noqa: E402
from pyhanko.sign.validation import validate_pdf_signature  # noqa: E402
from pyhanko.stamp import StaticStampStyle  # noqa: E402
from pyhanko_certvalidator import ValidationContext  # noqa: E402

from retention_desktop.proposal.fonts import FONT, register_korean_fonts  # noqa: E402
from retention_desktop.proposal.pki import SigningIdentity, is_demo_name  # noqa: E402

FIELD = "BankSignature"


@dataclass(frozen=True)
class Verification:
    ok: bool
    signer: str
    signing_time: dt.datetime | None
    intact: bool
    trusted: bool
    covers_whole_file: bool
    reason: str
    level: str


class _SignerAt(signers.PdfSigner):
    """A PdfSigner whose signing time is the one given (printed on the stamp and put in the signature)."""

    def __init__(self, *args, signed_at: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._signed_at = signed_at

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._signed_at
        return session


# the stamp's type: 10 points on 14-point lines, 10 points of padding around the text, a 1-point border; text
# wider or taller than the field is shrunk to fit it (never enlarged), centred (pyHanko's TextStampStyle rules)
STAMP_FONT_PT, STAMP_LEADING_PT, STAMP_PADDING_PT, STAMP_BORDER_PT = 10, 14, 10, 1


@dataclass(frozen=True)
class StampLayout:
    """Where the stamp's text goes in a field ``width`` × ``height`` points: the text block (padding included) scaled
    by ``scale`` with its lower left corner at (``x``, ``y``); the first baseline ``first_baseline`` points above
    the block's padding, each next line ``STAMP_LEADING_PT`` lower (before scaling)."""

    scale: float
    x: float
    y: float
    first_baseline: float


def stamp_layout(width: float, height: float, line_widths: list[float]) -> StampLayout:
    """The stamp's layout for lines ``line_widths`` points wide at ``STAMP_FONT_PT``, as pyHanko's text stamp
    (TextStampStyle with a TextBoxStyle, default layout rules) laid them out: natural width the widest line rounded
    to a point, natural height a leading per line, the padding around, shrunk to fit and centred (floor of the
    half of the room left, 0 when there is none)."""
    natural_w = max((round(w) for w in line_widths), default=0)
    natural_h = STAMP_LEADING_PT * len(line_widths)
    block_w, block_h = natural_w + 2 * STAMP_PADDING_PT, natural_h + 2 * STAMP_PADDING_PT
    scale = min(width / block_w, height / block_h, 1)

    def centred(room: float, length: float) -> float:
        return 0 if length > room else (room - length) // 2

    return StampLayout(scale, centred(width, block_w * scale), centred(height, block_h * scale),
                       natural_h - STAMP_LEADING_PT)


def stamp_pdf(width: int, height: int, lines: list[str]) -> bytes:
    """The visible signature as a one-page PDF of the field's size: the lines in NanumGothic (subset embedded,
    reportlab), a 1-point border on the field's edge."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    register_korean_fonts()
    at = stamp_layout(width, height, [stringWidth(line, FONT, STAMP_FONT_PT) for line in lines])
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=True, pageCompression=1)
    canvas.saveState()
    canvas.transform(at.scale, 0, 0, at.scale, at.x, at.y)
    canvas.setFont(FONT, STAMP_FONT_PT, STAMP_LEADING_PT)
    for index, line in enumerate(lines):
        canvas.drawString(STAMP_PADDING_PT, STAMP_PADDING_PT + at.first_baseline - index * STAMP_LEADING_PT, line)
    canvas.restoreState()
    canvas.setLineWidth(STAMP_BORDER_PT)
    canvas.rect(0, 0, width, height, stroke=1, fill=0)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class _PdfPageContent(pdf_content.PdfContent):
    """The first page of a PDF held in memory, as the field's appearance (pyHanko's ImportedPdfPage reads a file)."""

    def __init__(self, pdf: bytes):
        super().__init__()
        self.pdf = pdf

    def render(self) -> bytes:
        xobject = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.pdf)), page_ix=0)
        self.resources.xobject["/RetentionStamp"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
        return b"/RetentionStamp Do"


def stamp_style(box: tuple[int, int, int, int], lines: list[str]) -> StaticStampStyle:
    """The field's appearance: ``stamp_pdf`` placed as it is (no margin, no scaling, opaque)."""
    page = _PdfPageContent(stamp_pdf(box[2] - box[0], box[3] - box[1], lines))
    return StaticStampStyle(background=page, border_width=0, background_opacity=1.0,
                            background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MIN,
                                                                  y_align=AxisAlignment.ALIGN_MIN))


def sign(pdf: bytes, identity: SigningIdentity, page: int, box: tuple[int, int, int, int], stamp_lines: list[str],
         signed_at: dt.datetime, timestamp_url: str | None = None) -> bytes:
    """Sign ``pdf`` (PAdES) into a visible field on ``page`` (0-based) at ``box`` (points, bottom-left origin).

    ``stamp_lines`` are printed in the field (who signed, branch, Korean time); ``signed_at`` (aware, whole
    seconds) is both the signing time inside the signature and the time the stamp shows.
    """
    signer = signers.SimpleSigner.load_pkcs12(identity.p12_path, passphrase=identity.passphrase)
    if signer is None:
        raise PermissionError("서명용 인증서를 열 수 없습니다 (비밀번호 또는 파일 확인).")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    fields.append_signature_field(writer, fields.SigFieldSpec(FIELD, on_page=page, box=box))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason="Retention proposal", location="KR", use_pades_lta=False)
    timestamper = None
    if timestamp_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper  # aiohttp with it, only here (lean_pyhanko)

        timestamper = HTTPTimeStamper(timestamp_url)
    pdf_signer = _SignerAt(meta, signer=signer, timestamper=timestamper, stamp_style=stamp_style(box, stamp_lines),
                           signed_at=signed_at)
    return pdf_signer.sign_pdf(writer).getvalue()


DEMO_REFUSED = "DEMO 인증서로 서명된 제안서는 중앙(운영) 모드에서 인정하지 않습니다."


def _chain_is_demo(signature) -> bool:
    """Whether the signer's certificate or any certificate the signature carries is a DEMO one (pki.is_demo_name)."""
    try:
        certs = [signature.signer_cert] + [c.chosen for c in signature.signed_data["certificates"]]
        return any(is_demo_name(value for name in (c.subject, c.issuer) for value in _values(name))
                   for c in certs if c is not None)
    except Exception:  # certificates that cannot be read cannot be shown not to be DEMO ones: refused
        return True


def _values(name) -> list[str]:
    return [str(v) for v in name.native.values()] if isinstance(name.native, dict) else [str(name.native)]


def verify(pdf: bytes, trust_roots_pem: list[bytes], allow_demo: bool = True) -> Verification:
    """The last signature of ``pdf``: intact, valid, trusted by ``trust_roots_pem`` and covering the whole file.

    ``allow_demo=False`` (central mode) refuses a signature whose certificates are DEMO ones, in words, whatever
    the roots. Never raises: a damaged file or signature is a failed verification with its reason."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        signatures = reader.embedded_signatures
    except Exception as exc:  # a damaged file is a verification failure, not a crash
        return Verification(False, "", None, False, False, False, f"PDF를 읽을 수 없습니다: {exc}", "")
    if not signatures:
        return Verification(False, "", None, False, False, False, "서명이 없습니다.", "")
    roots = [load_cert_from_pemder_bytes(pem) for pem in trust_roots_pem]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(signatures[-1], context)
    except Exception as exc:  # a damaged signature dictionary or CMS blob: not valid, and say so
        return Verification(False, "", None, False, False, False,
                            f"서명 데이터가 손상되어 검증할 수 없습니다 ({type(exc).__name__}).", "")
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    ok = bool(status.intact and status.valid and status.trusted and whole)
    if not (status.intact and status.valid):
        reason = "서명 이후 파일이 변경되었습니다 (무결성 검증 실패)."
    elif not status.trusted:
        reason = "서명자의 인증서를 은행의 신뢰 루트로 확인할 수 없습니다."
    elif not whole:
        reason = "서명 이후 내용이 추가되었습니다."
    else:
        reason = "서명 유효"
    level = "PAdES B-T" if status.timestamp_validity is not None else "PAdES B-B"
    trusted = bool(status.trusted)
    if not allow_demo and _chain_is_demo(signatures[-1]):
        ok, trusted, reason = False, False, DEMO_REFUSED
    return Verification(ok, signer, status.signer_reported_dt, bool(status.intact and status.valid),
                        trusted, whole, reason, level)


def load_cert_from_pemder_bytes(data: bytes):
    from asn1crypto import pem, x509

    der = pem.unarmor(data)[2] if pem.detect(data) else data
    return x509.Certificate.load(der)
