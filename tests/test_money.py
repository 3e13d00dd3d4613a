from decimal import Decimal

import pytest

from retention_desktop.domain.money import format_rate_pct, format_won, format_won_korean, round_won


@pytest.mark.parametrize(("amount", "reading"), [
    (0, "0원"),
    (5_000, "5,000원"),
    (70_000_000, "7,000만 원"),
    (120_000_000, "1억 2,000만 원"),
    (100_000_000, "1억 원"),
    (73_504_000, "7,350만 4,000원"),
    (1_234_567_890_123, "12,345억 6,789만 123원"),
    (-3_000_000, "-300만 원"),
])
def test_korean_reading(amount, reading):
    assert format_won_korean(amount) == reading


def test_full_won_and_rates():
    assert format_won(506_685) == "506,685원"
    assert format_rate_pct(Decimal("4.6")) == "4.60%"
    assert format_rate_pct(Decimal("5.205")) == "5.21%"


def test_rounding_is_half_up_to_whole_won():
    assert round_won(Decimal("0.5")) == 1
    assert round_won(Decimal("-0.5")) == -1
    assert round_won(Decimal("506684.49")) == 506684


@pytest.mark.parametrize("bad", [1.5, "100", True])
def test_money_must_be_int(bad):
    with pytest.raises(TypeError):
        format_won_korean(bad)
