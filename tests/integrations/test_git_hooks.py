"""The git integrations, run for real: the pre-commit framework's hooks from
.pre-commit-hooks.yaml, and the plain hook of `cxj hook install` under `git commit`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOOD = (REPO / "examples" / "winter-coat-online.journey.yaml").read_text(encoding="utf-8")
BAD = "cxj: 1\ntitle: Broken\nstages:\n  - name: Only\n    emotions:\n      - {text: x, score: 7}\n"
UNFORMATTED = "title: Tidy me\ncxj: 1\nstages:\n- name: One\n"


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, text=True, capture_output=True,
                          check=check)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository with a good, a bad and an excluded (bad) journey."""
    root = tmp_path / "team"
    (root / "journeys" / "drafts").mkdir(parents=True)
    (root / "journeys" / "good.journey.yaml").write_text(GOOD, encoding="utf-8")
    (root / "journeys" / "bad.journey.yaml").write_text(BAD, encoding="utf-8")
    (root / "journeys" / "drafts" / "wip.journey.yaml").write_text(BAD, encoding="utf-8")
    (root / "cxj.toml").write_text('exclude = ["journeys/drafts/**"]\n', encoding="utf-8")
    git(root, "init", "-q")
    return root


# --- the pre-commit framework ------------------------------------------------------------

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent))


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One hook environment cache for the module: pre-commit installs cxj into it once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(project: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None, "pre-commit is a test dependency (pip install -e '.[test]')"
    git(project, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run([PRE_COMMIT, "try-repo", str(REPO), hook, "--files", *files,
                           "--verbose"], cwd=project, env=env, text=True, capture_output=True,
                          timeout=900, check=False)


def test_validate_hook_fails_on_the_bad_file_and_keeps_exclusions(
        project: Path, pre_commit_home: Path) -> None:
    files = ["journeys/good.journey.yaml", "journeys/bad.journey.yaml",
             "journeys/drafts/wip.journey.yaml"]
    result = try_repo(project, pre_commit_home, "cxj-validate", *files)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "journeys/bad.journey.yaml:6:26: error CXJ007 invalid-value" in output
    assert "wip.journey.yaml:" not in output  # passed by pre-commit, excluded by config
    assert "Checked 2 files: 1 error" in output


def test_validate_hook_passes_on_good_files(project: Path, pre_commit_home: Path) -> None:
    result = try_repo(project, pre_commit_home, "cxj-validate", "journeys/good.journey.yaml",
                      "journeys/drafts/wip.journey.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Checked 1 file: 0 errors" in result.stdout


def test_lint_hook_reports_rules(project: Path, pre_commit_home: Path) -> None:
    (project / "journeys" / "bad.journey.yaml").write_text(
        "cxj: 1\ntitle: No peak\nstages:\n  - name: Only\n", encoding="utf-8")
    result = try_repo(project, pre_commit_home, "cxj-lint", "journeys/bad.journey.yaml",
                      "journeys/good.journey.yaml")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "journeys/bad.journey.yaml:1:1: warning CXJ101 missing-peak" in output
    assert "good.journey.yaml:" not in output


def test_fmt_hook_rewrites_and_fails_then_passes(project: Path, pre_commit_home: Path) -> None:
    target = project / "journeys" / "tidy.journey.yaml"
    target.write_text(UNFORMATTED, encoding="utf-8")
    first = try_repo(project, pre_commit_home, "cxj-fmt", "journeys/tidy.journey.yaml")
    assert first.returncode == 1, first.stdout + first.stderr  # pre-commit: files changed
    assert target.read_text(encoding="utf-8").startswith("cxj: 1\ntitle: Tidy me\n")
    second = try_repo(project, pre_commit_home, "cxj-fmt", "journeys/tidy.journey.yaml")
    assert second.returncode == 0, second.stdout + second.stderr


# --- cxj hook install ----------------------------------------------------------------------


def cxj(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cxjourney", *args], cwd=cwd, text=True,
                          capture_output=True, check=False)


def test_installed_hook_stops_a_commit_with_an_invalid_staged_journey(project: Path) -> None:
    installed = cxj(project, "hook", "install")
    assert installed.returncode == 0, installed.stderr
    hook = project / ".git" / "hooks" / "pre-commit"
    assert f"exec {sys.executable} -m cxjourney hook run" in hook.read_text(encoding="utf-8")
    git(project, "add", "journeys/good.journey.yaml", "journeys/bad.journey.yaml")
    refused = git(project, "commit", "-qm", "with a bad journey", check=False)
    assert refused.returncode == 1
    shown = refused.stdout + refused.stderr  # git passes the hook's output to stderr
    assert "journeys/bad.journey.yaml:6:26: error CXJ007 invalid-value: 'score' must be " \
        "between -2 and 2, not 7" in shown
    assert "cxj: the commit was stopped" in shown
    assert git(project, "rev-parse", "--verify", "HEAD", check=False).returncode != 0


def test_installed_hook_checks_the_staged_content_not_the_working_tree(project: Path) -> None:
    cxj(project, "hook", "install")
    git(project, "add", "journeys/good.journey.yaml")
    bad_in_tree_only = project / "journeys" / "good.journey.yaml"
    bad_in_tree_only.write_text(BAD, encoding="utf-8")  # not staged
    done = git(project, "commit", "-qm", "good as staged", check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_skips_excluded_and_non_journey_files(project: Path) -> None:
    cxj(project, "hook", "install")
    (project / "notes.yaml").write_text("not: [a journey\n", encoding="utf-8")
    git(project, "add", "journeys/drafts/wip.journey.yaml", "notes.yaml")
    done = git(project, "commit", "-qm", "drafts and notes", check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_install_refuses_to_replace_another_hook_without_force(project: Path) -> None:
    hook = project / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\necho theirs\n", encoding="utf-8")
    refused = cxj(project, "hook", "install")
    assert refused.returncode == 2
    assert "already exists and is not cxj's hook; use --force" in refused.stderr
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\necho theirs\n"
    forced = cxj(project, "hook", "install", "--force")
    assert forced.returncode == 0
    assert "kept as pre-commit.cxj-backup" in forced.stdout
    removed = cxj(project, "hook", "uninstall")
    assert removed.returncode == 0
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\necho theirs\n"


def test_uninstall_leaves_another_tools_hook_alone(project: Path) -> None:
    hook = project / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\necho theirs\n", encoding="utf-8")
    refused = cxj(project, "hook", "uninstall")
    assert refused.returncode == 2
    assert hook.exists()


def test_hook_outside_a_git_repository_is_exit_2(tmp_path: Path) -> None:
    result = cxj(tmp_path, "hook", "install")
    assert result.returncode == 2
    assert result.stderr.startswith("cxj: error: git rev-parse --git-path hooks:")
