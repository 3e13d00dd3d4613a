"""Certificates for signing proposals.

Production: the officer's (or branch's) PKCS#12 file issued by the bank's CA, its passphrase in the
OS keyring; the roots that verify signatures are head office's, stored in the central database.
Demo mode creates a DEMO root CA, a DEMO branch CA per branch and a DEMO officer certificate, all
plainly marked DEMO, so signing works out of the box. The DEMO root's private key is kept encrypted
(``DEMO-root-key.pem``, passphrase random and in the OS keyring — or, where no keyring exists, only for
the life of the process, after which a new DEMO root is made and the old one kept for verification); so are
the officers' PKCS#12 files. A demo key protects nothing real, but it is kept as a key should be.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from retention_desktop.data import credentials

DEMO_BANK = "Retention Demo Bank (DEMO)"
DEMO_MARK = "(DEMO)"  # every demo certificate's organisation and common name carry it
_session_passphrases: dict[str, str] = {}
# Proposals may be signed on several threads at once; the first one issues the demo identity, the others wait
# for it (otherwise each issued its own and read another's half-written file or passphrase).
_issuing = threading.Lock()


@dataclass(frozen=True)
class SigningIdentity:
    p12_path: Path
    passphrase: bytes
    root_pem: bytes  # the trust root verification needs
    demo: bool


def _name(common: str, unit: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "KR"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_BANK)]
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(parts)


def _certificate(subject: x509.Name, public_key, issuer: x509.Name, issuer_key, ca: bool, years: int,
                 signer_key_id: x509.SubjectKeyIdentifier | None = None) -> x509.Certificate:
    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number()).not_valid_before(now)
               .not_valid_after(now + dt.timedelta(days=365 * years))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=1 if ca else None), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))
    if signer_key_id is not None:
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(signer_key_id),
                                        critical=False)
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False),
            critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False),
            critical=True).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                                         critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _ski(cert: x509.Certificate) -> x509.SubjectKeyIdentifier:
    return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value


ROOT_KEY_ACCOUNT = "pkcs8:DEMO-root-key"
ROOT_KEY_FILE, ROOT_CERT_FILE, RETIRED_ROOTS = "DEMO-root-key.pem", "demo-root.pem", "demo-roots-retired"
LEGACY_ROOT_KEY_FILE = "demo-root-key.pem"  # versions before revision 0011 kept it unencrypted


def demo_roots(pki_dir: Path) -> list[bytes]:
    """The DEMO roots of a data folder (the current one and any retired one), for verifying in demo mode."""
    found = [pki_dir / ROOT_CERT_FILE] + sorted((pki_dir / RETIRED_ROOTS).glob("*.pem"))
    return [path.read_bytes() for path in found if path.exists()]


def is_demo_name(values) -> bool:
    """Whether a certificate's name (its attribute values, as text) is a DEMO one: the mark this module puts in
    every demo certificate's organisation and common name. Central mode trusts none of them."""
    return any(DEMO_MARK in str(value) for value in values)


def is_demo_pem(pem: bytes) -> bool:
    """Whether a PEM certificate is a DEMO one (subject or issuer); an unreadable one counts as DEMO."""
    try:
        cert = x509.load_pem_x509_certificate(pem)
    except ValueError:
        return True
    return is_demo_name(a.value for name in (cert.subject, cert.issuer) for a in name)


def _root_passphrase(create: bool) -> str | None:
    passphrase = credentials.get_secret(ROOT_KEY_ACCOUNT) or _session_passphrases.get(ROOT_KEY_ACCOUNT)
    if passphrase is None and create:
        passphrase = secrets.token_urlsafe(24)
        if not credentials.store_secret(ROOT_KEY_ACCOUNT, passphrase):
            _session_passphrases[ROOT_KEY_ACCOUNT] = passphrase
    return passphrase


def _demo_root(pki_dir: Path):
    """The DEMO root CA's key and certificate: the stored ones when their passphrase is at hand, else new ones
    (the old certificate kept for verifying what it signed)."""
    key_path, cert_path = pki_dir / ROOT_KEY_FILE, pki_dir / ROOT_CERT_FILE
    legacy = pki_dir / LEGACY_ROOT_KEY_FILE
    if legacy.exists() and cert_path.exists():  # an unencrypted key from an older version: encrypt it now
        key = serialization.load_pem_private_key(legacy.read_bytes(), None)
        _write_atomically(key_path, key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(_root_passphrase(True).encode())))
        legacy.unlink()
    if key_path.exists() and cert_path.exists():
        passphrase = _root_passphrase(False)
        if passphrase is not None:
            try:
                key = serialization.load_pem_private_key(key_path.read_bytes(), passphrase.encode())
                return key, x509.load_pem_x509_certificate(cert_path.read_bytes())
            except ValueError:
                pass  # another installation's passphrase: start a new DEMO root
        retired = pki_dir / RETIRED_ROOTS
        retired.mkdir(exist_ok=True)
        old = x509.load_pem_x509_certificate(cert_path.read_bytes())
        _write_atomically(retired / f"demo-root-{old.serial_number:x}.pem", cert_path.read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(_name("Retention Demo Root CA (DEMO)"), key.public_key(),
                        _name("Retention Demo Root CA (DEMO)"), key, ca=True, years=10)
    # A real bank's CA key never leaves its HSM; this DEMO one stays in the data folder, encrypted, so that more
    # demo officers can be issued.
    _write_atomically(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.BestAvailableEncryption(_root_passphrase(True).encode())))
    _write_atomically(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def ensure_demo_identity(pki_dir: Path, branch_code: str, branch_name: str, employee_no: str,
                         officer_name: str) -> SigningIdentity:
    """The demo officer's signing identity, created on first use (root and branch CA reused)."""
    with _issuing:
        return _ensure_demo_identity(pki_dir, branch_code, branch_name, employee_no, officer_name)


def _write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the whole new one, never a part (another process may read it)."""
    part = path.with_name(path.name + f".{secrets.token_hex(4)}.part")
    part.write_bytes(data)
    part.replace(path)


def _ensure_demo_identity(pki_dir: Path, branch_code: str, branch_name: str, employee_no: str,
                          officer_name: str) -> SigningIdentity:
    pki_dir.mkdir(parents=True, exist_ok=True)
    root_path = pki_dir / ROOT_CERT_FILE
    p12_path = pki_dir / f"officer-{employee_no}.p12"
    account = f"pkcs12:{p12_path.name}"
    passphrase = credentials.get_secret(account) or _session_passphrases.get(account)
    if p12_path.exists() and passphrase is not None and root_path.exists():
        return SigningIdentity(p12_path, passphrase.encode(), root_path.read_bytes(), demo=True)
    root_key, root = _demo_root(pki_dir)

    branch_key = ec.generate_private_key(ec.SECP256R1())
    branch_cert = _certificate(_name(f"{branch_name} Branch CA (DEMO)", branch_code), branch_key.public_key(),
                               root.subject, root_key, ca=True, years=5, signer_key_id=_ski(root))
    officer_key = ec.generate_private_key(ec.SECP256R1())
    officer_cert = _certificate(_name(f"{officer_name} {employee_no} (DEMO)", branch_name),
                                officer_key.public_key(), branch_cert.subject, branch_key, ca=False, years=2,
                                signer_key_id=_ski(branch_cert))
    passphrase = secrets.token_urlsafe(24)
    if not credentials.store_secret(account, passphrase):
        _session_passphrases[account] = passphrase
    _write_atomically(p12_path, pkcs12.serialize_key_and_certificates(
        f"{employee_no} DEMO".encode(), officer_key, officer_cert, [branch_cert, root],
        serialization.BestAvailableEncryption(passphrase.encode())))
    return SigningIdentity(p12_path, passphrase.encode(), root_path.read_bytes(), demo=True)


def identity_from_p12(p12_path: Path, root_pem: bytes, ask: callable) -> SigningIdentity:
    """A production identity: the PKCS#12 file and its passphrase from the keyring (else asked for)."""
    account = f"pkcs12:{p12_path.name}"
    passphrase = credentials.secret_or_ask(account, ask)
    if not passphrase:
        raise PermissionError("서명용 인증서 비밀번호가 없습니다.")
    return SigningIdentity(p12_path, passphrase.encode(), root_pem, demo=False)
