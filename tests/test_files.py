"""Which files are checked (SPEC §3, §8 "Config files"): globs, folders, named files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cxj_foundation_support import VALID, write

from cxjourney.config import Settings, load_settings
from cxjourney.files import clean, compile_glob, excluded, select


@pytest.mark.parametrize(("pattern", "matching", "not_matching"), [
    ("**/*.journey.yaml", ["a.journey.yaml", "x/a.journey.yaml", "x/y/z/a.journey.yaml"],
     ["a.journey.yml", "a.journey.yaml.bak", "journey.yaml"]),
    # `**/` is zero or more folders, also in the middle
    ("journeys/**/*.yaml", ["journeys/a.yaml", "journeys/x/a.yaml", "journeys/x/y/a.yaml"],
     ["other/journeys/a.yaml", "journeys.yaml", "journeysx/a.yaml"]),
    ("journeys/drafts/**", ["journeys/drafts/a", "journeys/drafts/x/y.yaml"],
     ["journeys/a.yaml", "journeys/draftsx/a"]),
    # `*` and `?` stay within a segment
    ("journeys/*.yaml", ["journeys/a.yaml"], ["journeys/x/a.yaml"]),
    ("a?.yaml", ["ab.yaml", "x/ab.yaml"], ["a/.yaml", "abc.yaml"]),
    # without a slash: a name at any depth; with one: anchored at the config folder
    ("drafts", ["drafts", "x/drafts"], ["drafts2", "x/mydrafts"]),
    ("/drafts", ["drafts"], ["x/drafts"]),
    ("drafts/", ["drafts", "x/drafts"], ["drafts2"]),
    ("x/drafts", ["x/drafts"], ["y/x/drafts"]),
    # character classes
    ("[ab].yaml", ["a.yaml", "b.yaml"], ["c.yaml"]),
    ("[!ab].yaml", ["c.yaml"], ["a.yaml"]),
    ("file+(1).yaml", ["file+(1).yaml"], ["filee(1).yaml"]),
])
def test_gitignore_style_globs(pattern: str, matching: list[str],
                               not_matching: list[str]) -> None:
    regex = compile_glob(pattern)
    assert [path for path in matching if not regex.match(path)] == []
    assert [path for path in not_matching if regex.match(path)] == []


def test_excluding_a_folder_excludes_everything_below_it() -> None:
    assert excluded("legacy/a/b.journey.yaml", ["legacy"])
    assert excluded("x/legacy/b.journey.yaml", ["legacy"])
    assert not excluded("legacy.journey.yaml", ["legacy"])
    assert not excluded("a.journey.yaml", [])


@pytest.mark.parametrize(("given", "shown"), [
    ("./a.journey.yaml", "a.journey.yaml"), ("././a/b", "a/b"), ("a\\b.yaml", "a/b.yaml"),
    ("dir/", "dir"), ("./", "."), (".", "."), ("/abs/x.yaml", "/abs/x.yaml"), ("/", "/"),
])
def test_reported_paths(given: str, shown: str) -> None:
    assert clean(given) == shown


@pytest.fixture
def tree(project: Path) -> Path:
    for name in ("a.journey.yaml", "b.journey.yml", "notes.yaml", "sub/c.journey.yaml",
                 "sub/deeper/d.journey.yaml", ".git/x.journey.yaml", ".hg/x.journey.yaml",
                 ".svn/x.journey.yaml", ".venv/x.journey.yaml", "venv/x.journey.yaml",
                 "node_modules/p/x.journey.yaml", "__pycache__/x.journey.yaml",
                 "sub/node_modules/x.journey.yaml", ".hidden/e.journey.yaml"):
        write(project / name, VALID)
    return project


def shown(paths: list[str], settings: Settings | None = None, **options: object) -> list[str]:
    selection = select(paths, settings or Settings(root=Path.cwd()), **options)  # type: ignore[arg-type]
    return [item.display for item in selection.inputs]


def test_folder_search_skips_the_usual_folders(tree: Path) -> None:
    assert shown(["."]) == [".hidden/e.journey.yaml", "a.journey.yaml", "b.journey.yml",
                            "sub/c.journey.yaml", "sub/deeper/d.journey.yaml"]
    assert shown([]) == shown(["."])


def test_folder_given_explicitly_is_in_the_paths(tree: Path) -> None:
    assert shown(["sub"]) == ["sub/c.journey.yaml", "sub/deeper/d.journey.yaml"]
    assert shown(["./sub/deeper/"]) == ["sub/deeper/d.journey.yaml"]


def test_named_files_are_always_processed(tree: Path) -> None:
    assert shown(["notes.yaml", ".git/x.journey.yaml"]) == [".git/x.journey.yaml",
                                                            "notes.yaml"]


def test_each_file_once(tree: Path) -> None:
    assert shown(["a.journey.yaml", ".", "./a.journey.yaml"]).count("a.journey.yaml") == 1


def test_include_replaces_and_exclude_adds(tree: Path) -> None:
    write(tree / "cxj.toml", 'include = ["**/*.yaml"]\nexclude = ["deeper", ".hidden/**"]\n')
    settings = load_settings()
    assert shown(["."], settings) == ["a.journey.yaml", "notes.yaml", "sub/c.journey.yaml"]


def test_force_exclude_applies_exclude_not_include_to_named_files(tree: Path) -> None:
    write(tree / "cxj.toml", 'exclude = ["sub/**"]\n')
    settings = load_settings()
    named = ["sub/c.journey.yaml", "notes.yaml"]
    assert shown(named, settings) == ["notes.yaml", "sub/c.journey.yaml"]
    assert shown(named, settings, force_exclude=True) == ["notes.yaml"]


def test_force_exclude_for_stdin(tree: Path) -> None:
    write(tree / "cxj.toml", 'exclude = ["sub/**"]\n')
    settings = load_settings()
    assert shown(["-"], settings, force_exclude=True, stdin_filename="sub/x.journey.yaml") == []
    assert shown(["-"], settings, force_exclude=True, stdin_filename="x.journey.yaml") == [
        "x.journey.yaml"]
    assert shown(["-"], settings, stdin_filename="sub/x.journey.yaml") == [
        "sub/x.journey.yaml"]
    assert shown(["-"], settings, force_exclude=True) == ["-"]


def test_symlinked_folders_are_not_followed(project: Path) -> None:
    write(project / "real" / "a.journey.yaml", VALID)
    (project / "link").symlink_to(project / "real", target_is_directory=True)
    (project / "loop").symlink_to(project, target_is_directory=True)
    assert shown(["."]) == ["real/a.journey.yaml"]
    # a symlinked folder named explicitly is searched
    assert shown(["link"]) == ["link/a.journey.yaml"]


def test_symlinked_files_are_found(project: Path) -> None:
    write(project / "real.yaml", VALID)
    (project / "alias.journey.yaml").symlink_to(project / "real.yaml")
    (project / "dangling.journey.yaml").symlink_to(project / "nowhere")
    assert shown(["."]) == ["alias.journey.yaml"]


def test_special_files_in_folders_are_not_read(project: Path) -> None:
    """A FIFO matching the globs blocked the run on reading; only regular files count."""
    os.mkfifo(project / "pipe.journey.yaml")
    write(project / "a.journey.yaml", VALID)
    assert shown(["."]) == ["a.journey.yaml"]


def test_a_folder_named_like_a_journey_is_searched(project: Path) -> None:
    write(project / "x.journey.yaml" / "inner.journey.yaml", VALID)
    assert shown(["."]) == ["x.journey.yaml/inner.journey.yaml"]
    assert shown(["x.journey.yaml"]) == ["x.journey.yaml/inner.journey.yaml"]


def test_missing_paths_are_listed(project: Path) -> None:
    selection = select(["nope", "also/nope.journey.yaml"], Settings(root=project))
    assert (selection.inputs, selection.missing) == ([], ["nope", "also/nope.journey.yaml"])


def test_globs_see_paths_relative_to_the_config_folder_from_anywhere(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "cxj.toml", 'exclude = ["/j/old"]\n')
    write(project / "j" / "old" / "a.journey.yaml", VALID)
    write(project / "j" / "new" / "old" / "b.journey.yaml", VALID)
    monkeypatch.chdir(project / "j")
    settings = load_settings()
    assert shown(["."], settings) == ["new/old/b.journey.yaml"]
    assert shown([str(project)], settings) == [f"{project.as_posix()}/j/new/old/b.journey.yaml"]
