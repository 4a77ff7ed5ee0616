"""``cxj diff``: what changed between two versions of a journey (SPEC §8 "diff")."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from authoring_support import FLAGSHIP, Run

OLD = """\
cxj: 1
title: Coat
stages:
  - name: Awareness
    emotions: [{text: meh, score: -1}]
    touchpoints: [Ad, {name: Search, channel: web}]
  - name: Purchase
    emotions: [{text: glad, score: 2}]
    metrics: [{name: CSAT, type: csat, target: 80, actual: 70}]
  - name: Use
  - name: Return
  - name: Survey
peak: {stage: purchase}
end: {stage: use}
"""

NEW = """\
cxj: 1
title: Coat
stages:
  - name: Awareness
    emotions: [{text: meh, score: 0}]
    touchpoints: [{name: Search, channel: store}, Newsletter]
  - name: Checkout
    emotions: [{text: glad, score: 2}]
    metrics: [{name: CSAT, type: csat, target: 85, actual: 70}, {name: NPS, type: nps}]
  - name: Use
  - name: Delivery
peak: {stage: checkout}
end: {stage: delivery}
"""


@pytest.fixture
def versions(workdir: Path) -> tuple[str, str]:
    (workdir / "old.journey.yaml").write_text(OLD, encoding="utf-8")
    (workdir / "new.journey.yaml").write_text(NEW, encoding="utf-8")
    return "old.journey.yaml", "new.journey.yaml"


def test_json_lists_every_change(cli: Run, versions: tuple[str, str]) -> None:
    result = cli("diff", *versions, "--format", "json")
    assert result.code == 0
    document = json.loads(result.out)
    assert document["version"] == 1
    kinds = [(change["kind"], change["stage"]) for change in document["changes"]]
    assert kinds == [
        ("stage-removed", "survey"),
        ("score-changed", "awareness"),
        ("touchpoint-removed", "awareness"),
        ("touchpoint-changed", "awareness"),
        ("touchpoint-added", "awareness"),
        ("stage-renamed", "checkout"),
        ("metric-changed", "checkout"),
        ("metric-added", "checkout"),
        ("stage-renamed", "delivery"),
        ("end-moved", "delivery"),
    ]
    changes = {change["kind"]: change for change in document["changes"]}
    assert changes["stage-renamed"]["old_name"] == "Return"  # unmatched at position 4
    assert changes["stage-removed"]["position"] == 5
    assert changes["score-changed"]["old"] == -1 and changes["score-changed"]["new"] == 0
    assert changes["metric-changed"]["fields"] == {"target": {"old": 80, "new": 85}}
    assert changes["touchpoint-changed"]["fields"] == {
        "channel": {"old": "web", "new": "store"}}
    # The peak stayed on its stage, renamed Purchase → Checkout: that is no move.
    assert "peak-moved" not in changes
    assert (changes["end-moved"]["old"], changes["end-moved"]["new"]) == ("use", "delivery")


def test_the_reverse_diff_adds_the_stage(cli: Run, versions: tuple[str, str]) -> None:
    document = json.loads(cli("diff", versions[1], versions[0], "--format", "json").out)
    assert document["changes"][0] == {"kind": "stage-added", "stage": "survey",
                                      "name": "Survey", "position": 5}


def test_text_shows_the_curve_before_and_after(cli: Run, versions: tuple[str, str]) -> None:
    result = cli("diff", *versions)
    assert result.code == 0
    lines = result.out.splitlines()
    assert "checkout: stage renamed: Purchase (purchase) → Checkout (checkout)" in lines
    assert "checkout: metric changed: CSAT: target 80 → 85" in lines
    assert "awareness: score -1.0 → 0.0" in lines
    assert "  before: Awareness -1.0 → Purchase +2.0 → Use – → Return – → Survey –" in lines
    assert "  after:  Awareness 0.0 → Checkout +2.0 → Use – → Delivery –" in lines
    assert lines[-1] == "10 changes."


def test_markdown_is_a_pull_request_comment(cli: Run, versions: tuple[str, str]) -> None:
    result = cli("diff", *versions, "--format", "md")
    assert result.out.startswith("### Journey changes: Coat\n\n| Stage | Change |\n")
    assert "| checkout | metric added: NPS |" in result.out
    assert "#### Emotion curve" in result.out
    assert "| Awareness | -1.0 | 0.0 |" in result.out
    assert "| Delivery | – | – |" in result.out  # renamed from Return: no new stage


def test_stages_out_of_their_old_order_are_moved(cli: Run, workdir: Path) -> None:
    (workdir / "a.journey.yaml").write_text(
        "cxj: 1\ntitle: T\nstages: [{name: A}, {name: B}, {name: C}]\n", encoding="utf-8")
    (workdir / "b.journey.yaml").write_text(
        "cxj: 1\ntitle: T\nstages: [{name: B}, {name: A}, {name: C}]\n", encoding="utf-8")
    result = cli("diff", "a.journey.yaml", "b.journey.yaml")
    assert result.out == "a: stage moved: position 1 → 2\n\n1 change.\n"


def test_an_as_is_map_against_a_to_be_map(cli: Run, workdir: Path) -> None:
    to_be = FLAGSHIP.read_text(encoding="utf-8").replace("  stage: kaytto",
                                                          "  stage: kayton-lopettaminen")
    (workdir / "to-be.journey.yaml").write_text(to_be, encoding="utf-8")
    result = cli("diff", str(FLAGSHIP), "to-be.journey.yaml", "--format", "json")
    assert json.loads(result.out)["changes"] == [
        {"kind": "end-moved", "stage": "kayton-lopettaminen", "old": "kaytto",
         "new": "kayton-lopettaminen"}]


def test_exit_code_only_with_the_option(cli: Run, versions: tuple[str, str]) -> None:
    assert cli("diff", *versions, "--exit-code").code == 1
    same = cli("diff", versions[0], versions[0], "--exit-code")
    assert (same.code, same.out) == (0, "No changes.\n")


def test_markdown_escapes_journey_text(cli: Run, workdir: Path) -> None:
    (workdir / "a.journey.yaml").write_text(OLD, encoding="utf-8")
    (workdir / "b.journey.yaml").write_text(OLD.replace("title: Coat", "title: '*a* | <b>'"),
                                            encoding="utf-8")
    result = cli("diff", "a.journey.yaml", "b.journey.yaml", "--format", "md")
    assert "### Journey changes: \\*a\\* \\| &lt;b&gt;" in result.out


def test_an_invalid_version_exits_1(cli: Run, workdir: Path) -> None:
    (workdir / "a.journey.yaml").write_text(OLD, encoding="utf-8")
    (workdir / "b.journey.yaml").write_text("cxj: 1\ntitle: T\n", encoding="utf-8")
    result = cli("diff", "a.journey.yaml", "b.journey.yaml")
    assert result.code == 1
    assert "b.journey.yaml is not a valid journey" in result.err
    assert "CXJ005 missing-key" in result.err


def test_usage_errors_exit_2(cli: Run, workdir: Path) -> None:
    assert cli("diff", "a.journey.yaml").code == 2  # neither NEW nor --rev
    assert cli("diff", "missing.journey.yaml", "other.journey.yaml").code == 2


def test_a_file_against_a_git_revision(cli: Run, workdir: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                       cwd=workdir, check=True, capture_output=True)

    shutil.copy(FLAGSHIP, workdir / "talvitakki.journey.yaml")
    git("init", "-q")
    git("add", "talvitakki.journey.yaml")
    git("commit", "-q", "-m", "as-is")
    path = workdir / "talvitakki.journey.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  stage: kaytto",
                                                             "  stage: kayton-lopettaminen"),
                    encoding="utf-8")
    result = cli("diff", "talvitakki.journey.yaml", "--rev", "HEAD", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["changes"] == [
        {"kind": "end-moved", "stage": "kayton-lopettaminen", "old": "kaytto",
         "new": "kayton-lopettaminen"}]
    bad = cli("diff", "talvitakki.journey.yaml", "--rev", "no-such-rev")
    assert bad.code == 2
    assert "git show no-such-rev:./talvitakki.journey.yaml failed" in bad.err
