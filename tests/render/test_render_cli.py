"""``cxj render`` on the command line: where files go, what is not rendered, exit codes,
languages and configuration (SPEC §8 "render", "Written files")."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import EXAMPLE_FILES, FLAGSHIP

Cxj = Callable[..., Any]
VALID = "cxj: 1\ntitle: {title}\nstages:\n  - name: Only\n"


def journey_file(folder: Path, name: str, title: str = "T", extra: str = "") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(extra + VALID.format(title=title), encoding="utf-8")
    return path


def copy_examples(folder: Path) -> list[str]:
    folder.mkdir()
    for path in EXAMPLE_FILES:
        shutil.copy(path, folder / path.name)
    return sorted(path.name.removesuffix(".journey.yaml") for path in EXAMPLE_FILES)


def test_default_is_html_into_site(cxj: Cxj, workdir: Path) -> None:
    run = cxj("render", str(FLAGSHIP))
    assert (run.code, run.out, run.err) == (0, "", "")
    assert sorted(path.name for path in (workdir / "site").iterdir()) == ["talvitakki.html"]
    page = (workdir / "site" / "talvitakki.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")


def test_several_journeys_make_a_folder_with_an_index(cxj: Cxj, workdir: Path) -> None:
    ids = copy_examples(workdir / "journeys")
    run = cxj("render", "journeys", "-o", "out")
    assert run.code == 0, run.err
    assert sorted(path.name for path in (workdir / "out").iterdir()) == sorted(
        [f"{name}.html" for name in ids] + ["index.html"])
    index = (workdir / "out" / "index.html").read_text(encoding="utf-8")
    links = [line.split('href="')[1].split('"')[0] for line in index.splitlines()
             if 'href="' in line]
    assert links == [f"{name}.html" for name in ids]  # rows by id, relative links
    assert "2 warnings, 8 infos" in index  # talvitakki's lint summary
    assert "Talvitakin osto lapselle" in index and "35-vuotias nainen" in index


def test_markdown_index(cxj: Cxj, workdir: Path) -> None:
    copy_examples(workdir / "journeys")
    assert cxj("render", "journeys", "-f", "md", "-o", "out").code == 0
    index = (workdir / "out" / "index.md").read_text(encoding="utf-8")
    assert "| [Talvitakin osto lapselle](talvitakki.md) | 35-vuotias nainen | 5: " in index


def test_one_journey_to_a_file_keeps_the_format(cxj: Cxj, workdir: Path) -> None:
    run = cxj("render", str(FLAGSHIP), "-f", "md", "-o", "notes.txt")
    assert run.code == 0, run.err
    assert (workdir / "notes.txt").read_text(encoding="utf-8").startswith(
        "# Talvitakin osto lapselle\n")


def test_a_suffix_on_an_existing_folder_is_still_a_folder(cxj: Cxj, workdir: Path) -> None:
    (workdir / "out.d").mkdir()
    assert cxj("render", str(FLAGSHIP), "-o", "out.d").code == 0
    assert (workdir / "out.d" / "talvitakki.html").is_file()


def test_standard_output_takes_one_journey_only(cxj: Cxj, workdir: Path) -> None:
    run = cxj("render", str(FLAGSHIP), "-f", "json", "-o", "-")
    assert run.code == 0 and json.loads(run.out)["id"] == "talvitakki"
    copy_examples(workdir / "journeys")
    run = cxj("render", "journeys", "-o", "-")
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("cxj: error: -o - writes one journey to standard output")


def test_stdin_renders_with_the_id_stdin(cxj: Cxj, workdir: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FLAGSHIP.read_bytes())))
    run = cxj("render", "-", "-f", "json", "-o", "-")
    assert run.code == 0 and json.loads(run.out)["id"] == "stdin"


def test_invalid_journeys_are_reported_and_valid_ones_still_render(cxj: Cxj,
                                                                   workdir: Path) -> None:
    journey_file(workdir / "j", "good.journey.yaml")
    (workdir / "j" / "bad.journey.yaml").write_text("cxj: 1\ntitle: x\n", encoding="utf-8")
    run = cxj("render", "j", "-o", "out")
    assert run.code == 1
    assert "j/bad.journey.yaml:1:1: error CXJ005 missing-key: missing required key " \
           "'stages'" in run.err
    assert sorted(path.name for path in (workdir / "out").iterdir()) == ["good.html",
                                                                          "index.html"]


def test_journeys_sharing_an_id_are_all_reported_and_none_rendered(cxj: Cxj,
                                                                   workdir: Path) -> None:
    journey_file(workdir / "j", "a.journey.yaml", extra="id: same\n")
    journey_file(workdir / "j", "b.journey.yaml", extra="id: same\n")
    journey_file(workdir / "j", "c.journey.yaml")
    run = cxj("render", "j", "-o", "out")
    assert run.code == 1
    assert "cxj: not rendered: j/a.journey.yaml: the id 'same' is also the id of " \
           "j/b.journey.yaml" in run.err
    assert "cxj: not rendered: j/b.journey.yaml:" in run.err
    assert sorted(path.name for path in (workdir / "out").iterdir()) == ["c.html",
                                                                          "index.html"]


def test_the_id_index_is_not_rendered_beside_an_index(cxj: Cxj, workdir: Path) -> None:
    journey_file(workdir / "j", "index.journey.yaml", title="Mine")
    journey_file(workdir / "j", "other.journey.yaml")
    run = cxj("render", "j", "-o", "out")
    assert run.code == 1 and "j/index.journey.yaml: the id 'index'" in run.err
    assert "Mine" not in (workdir / "out" / "index.html").read_text(encoding="utf-8")
    # alone, there is no index page, so the id is fine
    assert cxj("render", "j/index.journey.yaml", "-o", "solo").code == 0
    assert (workdir / "solo" / "index.html").read_text(encoding="utf-8").count("Mine") >= 1


def test_render_never_deletes_and_writes_atomically(cxj: Cxj, workdir: Path) -> None:
    (workdir / "site").mkdir()
    (workdir / "site" / "keep.txt").write_text("mine", encoding="utf-8")
    (workdir / "site" / "talvitakki.html").write_text("old", encoding="utf-8")
    assert cxj("render", str(FLAGSHIP)).code == 0
    assert sorted(path.name for path in (workdir / "site").iterdir()) == ["keep.txt",
                                                                           "talvitakki.html"]
    assert (workdir / "site" / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert (workdir / "site" / "talvitakki.html").read_text(encoding="utf-8") != "old"


def test_a_missing_path_is_exit_2_and_the_rest_still_renders(cxj: Cxj,
                                                             workdir: Path) -> None:
    run = cxj("render", str(FLAGSHIP), "nope.journey.yaml", "-o", "out")
    assert run.code == 2 and "cxj: error: path not found: nope.journey.yaml" in run.err
    assert (workdir / "out" / "talvitakki.html").is_file()


def test_no_journeys_found_warns_and_exits_0(cxj: Cxj, workdir: Path) -> None:
    run = cxj("render", ".")
    assert (run.code, run.err) == (0, "cxj: warning: no journey files found\n")


def test_language_precedence_cli_over_file_over_config(cxj: Cxj, workdir: Path) -> None:
    (workdir / "cxj.toml").write_text('lang = "fi"\n', encoding="utf-8")
    journey_file(workdir, "plain.journey.yaml")
    journey_file(workdir, "english.journey.yaml", extra="lang: en\n")
    run = cxj("render", "plain.journey.yaml", "-f", "csv", "-o", "-")
    assert run.out.startswith("\ufeffVaihe,Only")  # config lang
    run = cxj("render", "english.journey.yaml", "-f", "csv", "-o", "-")
    assert run.out.startswith("\ufeffStage,Only")  # the file's lang beats config
    run = cxj("render", "english.journey.yaml", "-f", "csv", "-o", "-", "--lang", "fi")
    assert run.out.startswith("\ufeffVaihe,Only")  # --lang beats the file


def test_config_sets_format_and_output(cxj: Cxj, workdir: Path) -> None:
    (workdir / "cxj.toml").write_text('[render]\nformat = "md"\noutput = "docs/maps"\n',
                                      encoding="utf-8")
    journey_file(workdir, "a.journey.yaml")
    assert cxj("render", "a.journey.yaml").code == 0
    assert (workdir / "docs" / "maps" / "a.md").is_file()


def test_an_unknown_format_is_a_usage_error(cxj: Cxj, workdir: Path) -> None:
    run = cxj("render", str(FLAGSHIP), "-f", "pdf")
    assert run.code == 2 and "Traceback" not in run.err and "pdf" in run.err


def test_a_file_that_cannot_be_written_is_exit_2(cxj: Cxj, workdir: Path) -> None:
    (workdir / "out.html").mkdir()
    (workdir / "out.html" / "talvitakki.html").mkdir()  # a folder where the file goes
    run = cxj("render", str(FLAGSHIP), "-o", "out.html")
    assert run.code == 2 and "cannot write" in run.err


def test_many_journeys_render_in_worker_processes(cxj: Cxj, workdir: Path) -> None:
    # Over POOL_THRESHOLD journeys: the forked workers load, render and stage each file.
    for number in range(80):
        journey_file(workdir / "many", f"j{number:02}.journey.yaml", title=f"Journey {number}")
    journey_file(workdir / "many", "dup-a.journey.yaml", extra="id: twin\n")
    journey_file(workdir / "many", "dup-b.journey.yaml", extra="id: twin\n")
    (workdir / "many" / "broken.journey.yaml").write_text("cxj: 1\n", encoding="utf-8")
    run = cxj("render", "many", "-o", "out")
    assert run.code == 1
    assert run.err.count("cxj: not rendered: ") == 2
    assert "many/broken.journey.yaml:1:1: error CXJ005" in run.err
    names = sorted(path.name for path in (workdir / "out").iterdir())  # hidden ones too
    assert names == sorted([f"j{number:02}.html" for number in range(80)] + ["index.html"])
    assert "Journey 42" in (workdir / "out" / "j42.html").read_text(encoding="utf-8")
    index = (workdir / "out" / "index.html").read_text(encoding="utf-8")
    assert index.count('<a href="j') == 80 and "twin" not in index
