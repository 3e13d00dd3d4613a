"""Typed, versioned user settings in ``<data dir>/settings.json``; never a password.

Each saved file carries ``settings_version``; ``_UPGRADES`` brings an older file up step by
step (as Picard's config_upgrade does), so a newer app never misreads an older file.

The file is read within bounds (``bounded_json``) and checked against ``SETTINGS_SCHEMA``, an
allow-list: every key the app knows is named there and any other key is refused by name, so a
password cannot hide under ``pwd``, ``secret`` or ``pgpass`` (secrets belong in the OS keyring).
A broken file gives a ``SettingsError`` saying where and what to do, never a traceback.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from retention_desktop.domain import bounded_json
from retention_desktop.domain.errors import InputError

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
MAX_SETTINGS_BYTES = 64_000

# The allow-list: what settings.json may hold. Connection values exclude anything that could carry a
# credential (no '@' in a host or URL, no free-form keys).
SETTINGS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "settings_version": {"type": "integer", "minimum": 0},
        "central": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "required": ["host"],
            "properties": {
                "host": {"type": "string", "minLength": 1, "maxLength": 253, "pattern": r"^[A-Za-z0-9._:\[\]-]+$"},
                "port": {"type": "integer", "minimum": 1, "maximum": 65535},
                "database": {"type": "string", "minLength": 1, "maxLength": 63, "pattern": r"^[A-Za-z0-9_]+$"},
                "user": {"type": "string", "maxLength": 63, "pattern": r"^[A-Za-z0-9_]*$"},
                "sslmode": {"enum": list(SSL_MODES)},
                # TLS files (paths, never their content; a client key is protected by the OS's file permissions)
                "sslrootcert": {"type": ["string", "null"], "minLength": 1, "maxLength": 1000},
                "sslcert": {"type": ["string", "null"], "minLength": 1, "maxLength": 1000},
                "sslkey": {"type": ["string", "null"], "minLength": 1, "maxLength": 1000},
            },
        },
        "language": {"enum": ["ko", "en"]},
        "remembered_employee_no": {"type": ["string", "null"], "pattern": r"^[A-Za-z0-9]{1,16}$"},
        "extra": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "signing_p12": {"type": "string", "minLength": 1, "maxLength": 1000},
                "signing_trust_root": {"type": "string", "minLength": 1, "maxLength": 1000},
                "timestamp_url": {"type": "string", "maxLength": 1000, "pattern": r"^https?://[^/@\s]+(/\S*)?$"},
                # pins head office's trust roots (api.add_trust_root) by SHA-256 fingerprint: docs/security.md
                "trust_root_fingerprints": {"type": "array", "maxItems": 20,
                                            "items": {"type": "string", "pattern": r"^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$"}},
            },
        },
    },
}


class SettingsError(InputError):
    pass


@dataclass(frozen=True)
class CentralServer:
    """Connection to the bank's central PostgreSQL (no password: that lives in the OS keyring)."""

    host: str
    port: int = 5432
    database: str = "retention"
    user: str = ""
    sslmode: str = "verify-full"
    sslrootcert: str | None = None  # the bank's CA certificate file (PEM); None: libpq's ~/.postgresql/root.crt
    sslcert: str | None = None  # a client certificate, if the bank authenticates workstations by certificate
    sslkey: str | None = None  # its private key (file permissions 0600)

    def __post_init__(self) -> None:
        if not self.host or any(c.isspace() for c in self.host):
            raise SettingsError(f"중앙 서버 주소가 올바르지 않습니다: {self.host!r}")
        if not 0 < int(self.port) < 65536:
            raise SettingsError(f"포트는 1–65535 사이여야 합니다: {self.port}")
        if self.sslmode not in SSL_MODES:
            raise SettingsError(f"sslmode는 {', '.join(SSL_MODES)} 중 하나여야 합니다: {self.sslmode}")
        if bool(self.sslcert) != bool(self.sslkey):
            raise SettingsError("클라이언트 인증서(sslcert)와 개인키(sslkey)는 함께 지정해야 합니다.")

    @property
    def encrypted(self) -> bool:
        """Does the connection always use TLS? (``disable``, ``allow`` and ``prefer`` may send everything in clear.)"""
        return self.sslmode in ("require", "verify-ca", "verify-full")

    def tls_parameters(self) -> dict[str, str]:
        """libpq's TLS parameters: sslmode and the files that are set."""
        files = {"sslrootcert": self.sslrootcert, "sslcert": self.sslcert, "sslkey": self.sslkey}
        return {"sslmode": self.sslmode, **{k: v for k, v in files.items() if v}}

    @property
    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


@dataclass(frozen=True)
class Settings:
    central: CentralServer | None = None
    language: str = "ko"
    remembered_employee_no: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def mode(self) -> str:
        return "central" if self.central is not None else "embedded"


def _upgrade_0_to_1(raw: dict[str, Any]) -> dict[str, Any]:
    # Version 0 was never released; the step is the pattern later versions follow.
    raw["settings_version"] = 1
    return raw


_UPGRADES = {0: _upgrade_0_to_1}


def settings_path(data_dir: Path) -> Path:
    return data_dir / "settings.json"


@functools.cache
def _checker():
    from retention_desktop.domain import schema_check  # jsonschema: only when a settings file is there to check

    return schema_check.validator(SETTINGS_SCHEMA)


def _broken(path: Path, problem: str) -> SettingsError:
    return SettingsError("설정 파일 {path}을(를) 쓸 수 없습니다: {problem} — 파일을 고치거나, 지우고 다시 시작하세요 "
                         "(지우면 기본 설정으로 시작합니다). 비밀번호는 설정 파일이 아니라 OS 키링에 둡니다.",
                         path=str(path), problem=problem.rstrip("."))


def load_settings(data_dir: Path) -> Settings:
    """The settings of ``data_dir`` (defaults if there is no file); ``SettingsError`` if the file is unusable."""
    path = settings_path(data_dir)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise _broken(path, exc.strerror or str(exc)) from None
    try:
        raw = bounded_json.loads(data, path.name, max_bytes=MAX_SETTINGS_BYTES)
        if not isinstance(raw, dict):
            raise InputError("객체({…}) 값이어야 합니다.", where="(document)")
        version = raw.get("settings_version", 0)
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise InputError("0 이상의 정수여야 합니다.", where="settings_version")
        if version > SETTINGS_VERSION:
            raise InputError("이 프로그램보다 새 버전의 설정입니다 ({version}).", where="settings_version",
                             version=version)
        while version < SETTINGS_VERSION:
            raw = _UPGRADES[version](raw)
            version = raw["settings_version"]
        from retention_desktop.domain import schema_check

        schema_check.check(raw, _checker(), path.name)
    except InputError as exc:
        raise _broken(path, exc.message()) from None
    central = raw.get("central")
    return Settings(
        central=CentralServer(**central) if central else None,
        language=raw.get("language", "ko"),
        remembered_employee_no=raw.get("remembered_employee_no"),
        extra=raw.get("extra", {}),
    )


def load_settings_or_defaults(data_dir: Path) -> tuple[Settings, SettingsError | None]:
    """The settings, or the defaults and why the file could not be used (the app starts and says so)."""
    try:
        return load_settings(data_dir), None
    except SettingsError as exc:
        log.warning("settings unusable: %s", exc.message())
        return Settings(), exc


def save_settings(data_dir: Path, settings: Settings) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    raw = {"settings_version": SETTINGS_VERSION, **asdict(settings)}
    path = settings_path(data_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
