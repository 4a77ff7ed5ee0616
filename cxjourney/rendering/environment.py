"""The one Jinja environment: where templates are found and how they escape.

Search order (SPEC §6): a ``--template FILE`` (as the journey template of its format), the
user's templates folder (``--templates DIR`` / ``[render] templates``), then the built-ins.
Every built-in is also reachable as ``cxj/<name>``, so an override can extend the built-in
it shadows. Environments are cached by that search path: templates compile once per run,
and their compiled code is kept in the user's cache folder for the next run (compiling the
HTML page takes longer than rendering a dozen journeys with it).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from cxjourney.errors import UsageError
from cxjourney.rendering import escape
from cxjourney.rendering.context import HELPER_FILTERS, HELPERS

BUILTIN_PREFIX = "cxj"
# The name a --template FILE is served under: the built-in name it replaces, behind a
# prefix no folder can provide, so autoescaping follows the format and the file may still
# extend the built-in as "cxj/…".
FILE_PREFIX = "@file"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_templates() -> Path:
    """``cxjourney/templates`` in an installed wheel, else the repository's ``templates/``."""
    installed = _PACKAGE_DIR / "templates"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "templates"


class _Template(jinja2.Template):
    """A compiled template whose autoescaped ``{{ … }}`` write plain escaped strings."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: CodeType,
                  globals: MutableMapping[str, Any],
                  uptodate: Callable[[], bool] | None = None) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The compiled functions look `escape` up in their module namespace at each call;
        # html_output writes the same text without a Markup object per value.
        template.root_render_func.__globals__["escape"] = escape.html_output
        return template


class _CompiledCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache, but a cache: a file it cannot read, write or make sense
    of is a miss, never an error (a read-only home, a full disk, a truncated file)."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # any unreadable entry is only a miss
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_cache() -> jinja2.BytecodeCache | None:
    """The cache of compiled templates: ``$XDG_CACHE_HOME/cxj`` (else ``~/.cache/cxj``),
    in a folder named for everything the compiled code depends on besides the template
    source (which Jinja checks itself): cxj, Jinja, Python, and this module, whose options
    (autoescaping, whitespace) the code is compiled with. ``CXJ_NO_CACHE=1`` turns it off.
    """
    if os.environ.get("CXJ_NO_CACHE"):
        return None
    from cxjourney import __version__

    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path("~/.cache").expanduser()
        this_module = Path(__file__).read_bytes()
    except (OSError, RuntimeError):  # RuntimeError: no home folder to expand ~ to
        return None
    key = hashlib.sha256(f"{__version__} {jinja2.__version__} {sys.version}".encode()
                         + this_module).hexdigest()[:16]
    folder = Path(base) / "cxj" / f"templates-{key}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledCache(str(folder))


def _autoescape(name: str | None) -> bool:
    """HTML templates escape every value; the other targets use explicit filters."""
    return name is not None and name.endswith((".html.j2", ".html", ".svg.j2"))


class _OneFileLoader(jinja2.BaseLoader):
    """Serves one file under one name (the ``--template FILE``)."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        if template != self.name:
            raise jinja2.TemplateNotFound(template)
        try:
            source = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read the template {self.path}: {error}") from None
        return source, str(self.path), lambda: True


def _loader(templates_dir: str | None, template_file: tuple[str, str] | None,
            ) -> jinja2.BaseLoader:
    builtin = jinja2.FileSystemLoader(str(builtin_templates()))
    loaders: list[jinja2.BaseLoader] = []
    if template_file is not None:
        loaders.append(_OneFileLoader(template_file[0], Path(template_file[1])))
    if templates_dir is not None:
        loaders.append(jinja2.FileSystemLoader(templates_dir))
    loaders += [jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}), builtin]
    return jinja2.ChoiceLoader(loaders)


@functools.lru_cache(maxsize=16)
def environment(templates_dir: str | None = None,
                template_file: tuple[str, str] | None = None) -> jinja2.Environment:
    """The environment for this search path. ``template_file`` is (name, path)."""
    if templates_dir is not None and not Path(templates_dir).is_dir():
        raise UsageError(f"templates folder not found: {templates_dir}")
    if template_file is not None and not Path(template_file[1]).is_file():
        raise UsageError(f"template file not found: {template_file[1]}")
    env = jinja2.Environment(
        loader=_loader(templates_dir, template_file),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,  # a typo in a template fails instead of vanishing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
        bytecode_cache=_compiled_cache(),
    )
    env.template_class = _Template
    env.filters.update(escape.FILTERS)
    env.filters.update(HELPER_FILTERS)
    # The helpers are globals, not render variables: an imported macro file then sees them
    # without `with context`, so Jinja builds its module once per run, not once per page.
    env.globals.update(HELPERS)
    return env


def file_template_name(builtin_name: str) -> str:
    return f"{FILE_PREFIX}/{builtin_name}"
