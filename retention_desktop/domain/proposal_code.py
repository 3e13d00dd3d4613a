"""The proposal's check code and QR content, and reading them back as typed or scanned.

The QR on a proposal holds ``P20261130-1C09B6 CHECK 2D19B60F3FE04201``: the proposal number and a
check code, in ASCII only, because a barcode scanner types like a keyboard and cannot type Hangul.

Why this check code and not the PDF's sha256: the QR is drawn inside the PDF before it is signed, so
it cannot hold the hash of the file it is part of (the hash would change the file, and the signature
covers the QR too). The check code is the first 64 bits of SHA-256 over the proposal number and the
sha256 of the proposal's quote input, both fixed before rendering and both kept in the archive; so a
number with a mistyped or invented code, or a code copied from another proposal, does not match.
What the code does not prove is that a paper copy was not altered: for that the officer compares the
figures the check shows from the archive with the paper (the signed PDF in the archive is the reference).

A scanner on a workstation whose Korean input method is in Hangul mode types Hangul jamo instead of
letters (P becomes ㅖ); ``read_scanned`` maps them back through the standard 2-beolsik layout.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from retention_desktop.domain.errors import InputError

CHECK_CODE_LENGTH = 16  # hex digits: 64 bits
NUMBER = re.compile(r"P\d{8}-[0-9A-F]{6}")
_CODE = re.compile(r"(?<![0-9A-F])[0-9A-F]{16}(?![0-9A-F])")

# 2-beolsik (두벌식) keyboard: the key each compatibility jamo is typed with (shifted keys as their letter).
_KEY_OF_JAMO = {
    "ㅂ": "Q", "ㅃ": "Q", "ㅈ": "W", "ㅉ": "W", "ㄷ": "E", "ㄸ": "E", "ㄱ": "R", "ㄲ": "R", "ㅅ": "T", "ㅆ": "T",
    "ㅛ": "Y", "ㅕ": "U", "ㅑ": "I", "ㅐ": "O", "ㅒ": "O", "ㅔ": "P", "ㅖ": "P", "ㅁ": "A", "ㄴ": "S", "ㅇ": "D",
    "ㄹ": "F", "ㅎ": "G", "ㅗ": "H", "ㅓ": "J", "ㅏ": "K", "ㅣ": "L", "ㅋ": "Z", "ㅌ": "X", "ㅊ": "C", "ㅍ": "V",
    "ㅠ": "B", "ㅜ": "N", "ㅡ": "M",
    # vowels and final clusters the input method composes from two keys
    "ㅘ": "HK", "ㅙ": "HO", "ㅚ": "HL", "ㅝ": "NJ", "ㅞ": "NP", "ㅟ": "NL", "ㅢ": "ML",
    "ㄳ": "RT", "ㄵ": "SW", "ㄶ": "SG", "ㄺ": "FR", "ㄻ": "FA", "ㄼ": "FQ", "ㄽ": "FT", "ㄾ": "FX", "ㄿ": "FV",
    "ㅀ": "FG", "ㅄ": "QT",
}
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ",
           "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


class ProposalCodeError(InputError):
    """The text holds no proposal number; the message says what was expected."""


@dataclass(frozen=True)
class ScannedCode:
    proposal_no: str
    check_code: str | None  # None when only the number was typed


def check_code(proposal_no: str, input_sha256: str) -> str:
    """16 upper-case hex digits: SHA-256 over ``"<proposal no>\\n<input sha256>"``, first 64 bits."""
    digest = hashlib.sha256(f"{proposal_no}\n{input_sha256}".encode("ascii")).hexdigest()
    return digest[:CHECK_CODE_LENGTH].upper()


def qr_payload(proposal_no: str, code: str) -> str:
    """What the QR holds (ASCII): ``P20261130-1C09B6 CHECK 2D19B60F3FE04201``."""
    return f"{proposal_no} CHECK {code}"


def grouped(code: str) -> str:
    """The check code in groups of four for people: ``2D19 B60F 3FE0 4201``."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def _as_keystrokes(text: str) -> str:
    """Text typed with a Korean input method in Hangul mode, back to the keys that were pressed."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:  # a composed syllable: initial + medial (+ final)
            out.append(_KEY_OF_JAMO[_INITIALS[code // 588]])
            out.append(_KEY_OF_JAMO[_MEDIALS[(code % 588) // 28]])
            final = _FINALS[code % 28]
            if final:
                out.append(_KEY_OF_JAMO[final])
        else:
            out.append(_KEY_OF_JAMO.get(ch, ch))
    return "".join(out)


def read_scanned(text: str) -> ScannedCode:
    """The proposal number (and check code, if present) in what was typed or scanned.

    Accepts the QR's content, a number alone, lower case, spaces or hyphens inside the code, and the
    jamo a scanner types through a Hangul-mode input method. Raises ProposalCodeError when no proposal
    number (``P`` + 8 digits + ``-`` + 6 hex digits) is found.
    """
    typed = _as_keystrokes(text).upper()
    number = NUMBER.search(typed)
    if number is None:
        raise ProposalCodeError("제안서 번호(P + 8자리 날짜 - 6자리, 예: P20261130-1C09B6)를 찾을 수 없습니다.")
    rest = typed[number.end():]
    squeezed = re.sub(r"(?<=[0-9A-F])[ \-](?=[0-9A-F])", "", rest)
    code = _CODE.search(squeezed)
    return ScannedCode(number.group(0), code.group(0) if code else None)
