"""``cxj new [FILE]``: write a starter journey (never over an existing file)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cxjourney import output
from cxjourney.config import Settings, load_settings
from cxjourney.errors import UsageError

MODELINE = "# yaml-language-server: $schema={}\n"
HINT = ("no `schema` configured, so the file has no editor modeline; to get completion "
        "and checks in editors, run `cxj schema -o schemas/journey.schema.json` and add "
        "`schema = \"schemas/journey.schema.json\"` to cxj.toml (or [tool.cxj])")


def run(file: str | None, *, starter: str, lang: str | None, title: str | None,
        config: str | None, isolated: bool) -> int:
    from cxjourney.starters import starter as make_starter
    from cxjourney.yamlwrite import dump

    target = Path(file) if file and file != "-" else None
    if target is not None and (target.exists() or target.is_symlink()):
        raise UsageError(f"{file} exists; cxj new never overwrites a file")
    settings = load_settings(Path(config) if config else None, isolated=isolated)
    language = lang or settings.config.lang or "en"
    channels = settings.config.channels
    data = make_starter(starter, language, title=title,
                        channel=channels[0] if channels else "web")
    header = modeline(settings, target)
    if not header:
        print(f"cxj: hint: {HINT}", file=sys.stderr)
    text = dump(data, header=header)
    if target is None:
        sys.stdout.write(text)
    else:
        output.write_atomic(target, text)
        print(f"cxj: wrote {file}", file=sys.stderr)
    return 0


def modeline(settings: Settings, target: Path | None) -> str:
    """The editor modeline for the configured schema: a URL as is, a path relative to the
    new file's folder (config paths are relative to the config's folder)."""
    schema = settings.config.schema
    if not schema:
        return ""
    if "://" in schema or schema.startswith("urn:"):
        return MODELINE.format(schema)
    location = (settings.root / schema).resolve()
    folder = (target.parent if target is not None else Path()).resolve()
    relative = Path(os.path.relpath(location, folder)).as_posix()
    return MODELINE.format(relative)
