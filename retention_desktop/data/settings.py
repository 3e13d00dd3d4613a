"""Typed, versioned user settings in ``<data dir>/settings.json``; never a password.

Each saved file carries ``settings_version``; ``_UPGRADES`` brings an older file up step by
step (as Picard's config_upgrade does), so a newer app never misreads an older file.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from retention_desktop.domain.errors import InputError

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


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

    def __post_init__(self) -> None:
        if not self.host or any(c.isspace() for c in self.host):
            raise SettingsError(f"중앙 서버 주소가 올바르지 않습니다: {self.host!r}")
        if not 0 < int(self.port) < 65536:
            raise SettingsError(f"포트는 1–65535 사이여야 합니다: {self.port}")
        if self.sslmode not in SSL_MODES:
            raise SettingsError(f"sslmode는 {', '.join(SSL_MODES)} 중 하나여야 합니다: {self.sslmode}")

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


def load_settings(data_dir: Path) -> Settings:
    path = settings_path(data_dir)
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise SettingsError(f"설정 파일을 읽을 수 없습니다 ({path}): {exc}") from exc
    version = int(raw.get("settings_version", 0))
    if version > SETTINGS_VERSION:
        raise SettingsError(f"설정 파일이 이 프로그램보다 새 버전입니다 ({version}): {path}")
    while version < SETTINGS_VERSION:
        raw = _UPGRADES[version](raw)
        version = raw["settings_version"]
    if "password" in json.dumps(raw).lower():
        raise SettingsError(f"설정 파일에 비밀번호를 둘 수 없습니다: {path}")
    central = raw.get("central")
    return Settings(
        central=CentralServer(**central) if central else None,
        language=raw.get("language", "ko"),
        remembered_employee_no=raw.get("remembered_employee_no"),
        extra=raw.get("extra", {}),
    )


def save_settings(data_dir: Path, settings: Settings) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    raw = {"settings_version": SETTINGS_VERSION, **asdict(settings)}
    path = settings_path(data_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
