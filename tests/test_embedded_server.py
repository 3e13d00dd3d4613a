"""The embedded server: safe folders for awkward Windows-like paths, sharing, clean stop."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg2
import pytest

from retention_desktop.data.embedded import EmbeddedServer, choose_cluster_dir, is_safe_cluster_path


@pytest.mark.parametrize("folder", ["김하늘 의 문서", "My Documents", "a" * 80])
def test_awkward_data_folder_gets_a_short_safe_cluster_folder(tmp_path, folder):
    data_dir = tmp_path / folder / "RetentionDesktop"
    chosen = choose_cluster_dir(data_dir)
    assert is_safe_cluster_path(chosen)
    assert " " not in str(chosen) and str(chosen).isascii()
    assert choose_cluster_dir(data_dir) == chosen  # remembered, so the data is found again


def test_server_in_a_folder_with_spaces_and_hangul_starts_shares_and_stops():
    data_dir = Path(tempfile.mkdtemp(prefix="rd test ")) / "사용자 폴더"
    first = EmbeddedServer(data_dir)
    url = first.start().replace("postgresql+psycopg2", "postgresql")
    conn = psycopg2.connect(url)
    conn.close()

    # a second process on the same folder attaches to the running server instead of starting another
    code = (
        "import sys; from pathlib import Path; from retention_desktop.data.embedded import EmbeddedServer;"
        "s = EmbeddedServer(Path(sys.argv[1])); print(s.start()); s.release()"
    )
    other = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True,
                           timeout=60)
    assert other.returncode == 0, other.stderr
    assert other.stdout.strip() == first.url()
    assert first.status().running, "the second process must not stop a server the first still uses"

    first.release()
    assert not first.status().running


def test_pinned_server_outlives_its_users_until_stopped():
    data_dir = Path(tempfile.mkdtemp(prefix="rdpin-"))
    server = EmbeddedServer(data_dir)
    server.start()
    server.pin()
    server.release()
    assert server.status().running and server.status().pinned
    assert server.stop() is True
    assert not server.status().running
    assert server.stop() is False
