"""PAdES signatures on proposals (pyHanko): B-B always, B-T when a timestamp server is configured;
a visible signature field in Korean (who signed, branch, Korean time); verification against the bank's
trust roots."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass

from retention_desktop.proposal import lean_pyhanko

lean_pyhanko.install()  # before pyHanko: its timestamp client (aiohttp) loads only when a timestamp is fetched

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: E402
from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: E402
from pyhanko.sign import fields, signers  # noqa: E402
from pyhanko.sign.validation import validate_pdf_signature  # noqa: E402
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory  # noqa: E402
from pyhanko.pdf_utils.text import TextBoxStyle  # noqa: E402
from pyhanko.stamp import TextStampStyle  # noqa: E402
from pyhanko_certvalidator import ValidationContext  # noqa: E402

from retention_desktop.data.locations import resources_dir  # noqa: E402
from retention_desktop.proposal.pki import SigningIdentity, is_demo_name  # noqa: E402

FIELD = "BankSignature"
# NanumGothic carries VTT hinting sources (TSI* tables) the subsetter drops, saying so at WARNING on every
# signature: harmless, and noise in the log.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


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


@dataclass(frozen=True)
class _FontInMemory(GlyphAccumulatorFactory):
    """pyHanko's factory opens the font file and never closes it; this one reads it into memory instead."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        with open(self.font_file, "rb") as handle:
            data = io.BytesIO(handle.read())
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(writer=writer, font_handle=data, font_size=self.font_size,
                                ot_script_tag=self.ot_script_tag, ot_language_tag=self.ot_language_tag,
                                writing_direction=self.writing_direction, bcp47_lang_code=self.bcp47_lang_code,
                                obj_stream=obj_stream)


def stamp_style() -> TextStampStyle:
    """The visible signature: Korean text in the bundled NanumGothic (subset embedded), 10 points."""
    font = _FontInMemory(str(resources_dir() / "fonts" / "NanumGothic.ttf"), font_size=10)
    return TextStampStyle(stamp_text="%(lines)s", border_width=1,
                          text_box_style=TextBoxStyle(font=font, font_size=10, leading=14),
                          inner_content_layout=None)


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
    pdf_signer = _SignerAt(meta, signer=signer, timestamper=timestamper, stamp_style=stamp_style(),
                           signed_at=signed_at)
    text = "\n".join(line.replace("%", "%%") for line in stamp_lines)
    return pdf_signer.sign_pdf(writer, appearance_text_params={"lines": text}).getvalue()


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
