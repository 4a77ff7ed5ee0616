"""The lint engine's settings from the environment: CXJ_TODAY."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cxj_lint_support import Run

JOURNEY = "cxj: 1\ntitle: T\nupdated: 2026-01-01\nstages:\n  - name: A\n"


@pytest.mark.parametrize("today", ["20261101", "2026-W44-7", "2026-13-01", "tomorrow",
                                   "2026-11-01T10:00"])
def test_a_bad_cxj_today_is_exit_2(lint_source: Callable[..., Run], today: str) -> None:
    result = lint_source(JOURNEY, {"max-age-days": 1}, today)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"cxj: error: CXJ_TODAY must be a date written YYYY-MM-DD, not '{today}'\n"


@pytest.mark.parametrize(("today", "stale"), [("2026-01-02", False), ("2026-01-03", True)])
def test_cxj_today_pins_the_date(lint_source: Callable[..., Run], today: str,
                                 stale: bool) -> None:
    result = lint_source(JOURNEY, {"max-age-days": 1}, today, extra=("--select", "CXJ308"))
    assert result.findings() == ([(3, 1, "CXJ308")] if stale else [])
