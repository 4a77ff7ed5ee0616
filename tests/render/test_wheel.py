"""The built-in templates ship inside the wheel: a wheel installed into a fresh virtual
environment, outside the source tree, renders with them (SPEC §6 "Templates")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from support import FLAGSHIP, REPO


def test_an_installed_wheel_renders_with_its_own_templates(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(wheels), str(REPO)], check=True, timeout=300)
    (wheel,) = wheels.glob("cxjourney-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert "cxjourney/templates/html/journey.html.j2" in archive.namelist()
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    target = subprocess.run([str(python), "-c", "import sysconfig; "
                             "print(sysconfig.get_paths()['purelib'])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)  # what an installer does for a pure-Python wheel
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(FLAGSHIP, work / FLAGSHIP.name)
    # The dependencies (Jinja, Typer, …) come from this environment's site-packages,
    # placed after the fresh one's, which holds the only cxjourney on the path.
    env = {**os.environ, "PYTHONPATH": "", "PYTHONNOUSERSITE": "1"}
    ours = sysconfig.get_paths()["purelib"]
    program = (f"import sys; sys.path.append({ours!r}); import cxjourney, "
               "cxjourney.rendering.environment as e; print(cxjourney.__file__); "
               "print(e.builtin_templates()); from cxjourney.__main__ import main; "
               f"sys.exit(main(['render', {FLAGSHIP.name!r}, '-o', 'site']))")
    result = subprocess.run([str(python), "-c", program], cwd=work, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    module, templates = result.stdout.splitlines()
    assert module.startswith(target) and templates == f"{target}/cxjourney/templates"
    page = (work / "site" / "talvitakki.html").read_text(encoding="utf-8")
    assert "<th scope=\"row\">Tekee</th>" in page and "Tunnekäyrä" in page
