"""Secrets in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service).

Never in a file, on a command line or in a log. Where no keyring backend exists the caller
asks the user each time (``ask`` callback); tests install an in-memory backend. ``keyring`` (and its
backends' discovery) is imported on the first use, not at start-up: the demo never needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

SERVICE = "RetentionDesktop"


def keyring_available() -> bool:
    import keyring.errors

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration must not stop the app
        return False
    return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__


def get_secret(account: str) -> str | None:
    import keyring.errors

    try:
        return keyring.get_password(SERVICE, account)
    except keyring.errors.KeyringError as exc:
        log.warning("keyring unavailable (%s); will ask instead", type(exc).__name__)
        return None


def store_secret(account: str, secret: str) -> bool:
    import keyring.errors

    try:
        keyring.set_password(SERVICE, account, secret)
        return True
    except keyring.errors.KeyringError as exc:
        log.warning("could not store a secret in the keyring (%s)", type(exc).__name__)
        return False


def forget_secret(account: str) -> None:
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, account)
    except keyring.errors.KeyringError:
        pass


def secret_or_ask(account: str, ask: Callable[[str], str | None]) -> str | None:
    """The stored secret, else whatever ``ask`` (a prompt) returns; ``None`` if the user cancels."""
    secret = get_secret(account)
    if secret is None:
        secret = ask(account)
    return secret
