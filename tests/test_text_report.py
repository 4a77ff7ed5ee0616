"""The text report keeps one finding per line whatever the journey's text holds."""

from __future__ import annotations

import pytest

from cxjourney.__main__ import main


def test_a_line_break_in_quoted_journey_text_stays_on_the_findings_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    source = 'cxj: 1\ntitle: t\nstages:\n  - name: "Pay\\nand go"\n    id: pay\n'
    monkeypatch.setattr("sys.stdin", _Stdin(source.encode()))
    code = main(["lint", "-", "--isolated", "--select", "CXJ201"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines == [
        "-:4:5: warning CXJ201 stage-without-metrics: stage 'pay' has no metric: add one so "
        "its success can be measured",
        "Checked 1 file: 0 errors, 1 warning, 0 infos.",
    ]


def test_text_escapes_line_breaks_in_messages() -> None:
    from cxjourney.findings import Finding, Severity
    from cxjourney.reporters.text import format_finding

    finding = Finding("a.journey.yaml", 3, 7, "CXJ203", "metric 'Calls\nper day' has no target",
                      "metric-without-target", Severity.INFO)
    assert format_finding(finding) == ("a.journey.yaml:3:7: info CXJ203 metric-without-target: "
                                       "metric 'Calls\\nper day' has no target")


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = _Buffer(data)


class _Buffer:
    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self) -> bytes:
        return self._data
