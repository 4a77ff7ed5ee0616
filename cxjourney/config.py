"""Configuration: ``cxj.toml`` or ``[tool.cxj]`` in ``pyproject.toml`` (SPEC §4).

The keys are declared once, as the records below; the reader, ``--show-settings`` and
the configuration JSON Schema all come from them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Literal, cast

from cxjourney import records
from cxjourney.errors import ConfigError
from cxjourney.loader import FileLimits
from cxjourney.model import Lang, spec
from cxjourney.options import RenderFormat
from cxjourney.records import Record, field, record
from cxjourney.shapes import FieldShape, Shape, field_map, fields_of
from cxjourney.text import did_you_mean

CONFIG_FILE = "cxj.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_INCLUDE = ("**/*.journey.yaml", "**/*.journey.yml")
SeverityName = Literal["error", "warning", "info"]


def _key(name: str, doc: str, **extra: Any) -> dict[str, Any]:
    return {**spec(doc, **extra), "key": name}


@record(kw_only=True)
class LintConfig(Record):
    """``[lint]``: which rules run and how findings count."""

    select: list[str] = field(default_factory=lambda: ["ALL"], metadata=spec(
        "Rules to run: codes, names or prefixes (`CXJ2`, `ALL`).", example=["ALL"]))
    ignore: list[str] = field(default_factory=list, metadata=spec(
        "Rules not to run (codes, names or prefixes).", example=["metric-without-target"]))
    extend_select: list[str] = field(default_factory=list, metadata=_key(
        "extend-select", "Rules to run in addition to `select`."))
    fail_on: SeverityName = field(default="warning", metadata=_key(
        "fail-on", "The lowest severity that makes `cxj lint` exit 1."))
    severity: dict[str, SeverityName] = field(default_factory=dict, metadata=spec(
        "Severity overrides by selector; the most specific selector wins.",
        example={"stage-without-touchpoints": "error"}))
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict, metadata=_key(
        "per-file-ignores", "Rules to ignore in files matching a glob.",
        example={"journeys/legacy/**": ["CXJ2"]}))
    max_age_days: int | None = field(default=None, metadata=_key(
        "max-age-days", "Age in days after which `updated` and `measured_at` are stale "
        "(stale-journey, stale-metric); no default.", minimum=0, example=365))


@record(kw_only=True)
class RenderConfig(Record):
    """``[render]``: defaults for ``cxj render``."""

    format: RenderFormat = field(default="html", metadata=spec("The default output format."))
    output: str | None = field(default=None, metadata=spec(
        "The default output file or folder.", default_doc="site", example="site/journeys"))
    templates: str | None = field(default=None, metadata=spec(
        "A folder searched before the built-in templates.", example="templates/custom"))


@record(kw_only=True)
class LimitsConfig(Record):
    """``[limits]``: what protects the machine from huge or hostile files."""

    max_file_size: int = field(default=5_242_880, metadata=_key(
        "max-file-size", "Largest journey file, in bytes.", minimum=1))
    max_depth: int = field(default=64, metadata=_key(
        "max-depth", "Deepest nesting of collections (the root mapping is depth 1).",
        minimum=1))
    max_nodes: int = field(default=100_000, metadata=_key(
        "max-nodes", "Most nodes a document may expand to, aliases included.", minimum=1))


@record(kw_only=True)
class Config(Record):
    """The whole configuration (``cxj.toml`` top level, or ``[tool.cxj]``)."""

    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE), metadata=spec(
        "Globs of journey files searched in folders (replaces the default).",
        example=["journeys/**/*.journey.yaml"]))
    exclude: list[str] = field(default_factory=list, metadata=spec(
        "Globs of files and folders to skip.", example=["journeys/drafts/**"]))
    lang: Lang | None = field(default=None, metadata=spec(
        "Default label language for rendering.", default_doc="en"))
    personas: str | None = field(default=None, metadata=spec(
        "A YAML file with a list of personas, each with an `id`.", example="personas.yaml"))
    channels: list[str] = field(default_factory=list, metadata=spec(
        "The channel vocabulary checked by unknown-channel (empty: none).",
        example=["web", "store", "phone", "email"]))
    schema: str | None = field(default=None, metadata=spec(
        "Where the team keeps the journey JSON Schema (a path or URL); `cxj new` writes "
        "the editor modeline for it.", example="schemas/journey.schema.json"))
    lint: LintConfig = field(default_factory=LintConfig, metadata=spec("Lint settings."))
    render: RenderConfig = field(default_factory=RenderConfig,
                                 metadata=spec("Render settings."))
    limits: LimitsConfig = field(default_factory=LimitsConfig, metadata=spec("Limits."))


@record
class Settings(Record):
    """The configuration in force, with where it came from (None: built-in defaults)."""

    config: Config = field(default_factory=Config)
    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    @property
    def file_limits(self) -> FileLimits:
        limits = self.config.limits
        return FileLimits(limits.max_file_size, limits.max_depth, limits.max_nodes)

    @property
    def personas_path(self) -> Path | None:
        personas = self.config.personas
        return self.root / personas if personas else None

    def with_lint(self, **changes: Any) -> Settings:
        lint = records.replace(self.config.lint, **changes)
        return records.replace(self, config=records.replace(self.config, lint=lint))


# --- discovery ---------------------------------------------------------------------------


def discover(start: Path | None = None) -> Path | None:
    """The nearest ``cxj.toml``, or ``pyproject.toml`` with ``[tool.cxj]``, walking up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_cxj_table(pyproject):
            return pyproject
    return None


def _has_cxj_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "cxj" not in text:  # most pyproject files: no TOML parse needed
        return False
    try:
        data = _parse_toml(text, pyproject)
    except ConfigError:
        return True  # let loading report the broken file
    return isinstance(data.get("tool"), dict) and "cxj" in data["tool"]


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def load_settings(config_file: Path | None = None, *, isolated: bool = False,
                  start: Path | None = None) -> Settings:
    """Settings from ``config_file``, else the discovered file, else defaults."""
    if isolated:
        return Settings(root=(start or Path.cwd()))
    path = config_file if config_file is not None else discover(start)
    if path is None:
        return Settings(root=(start or Path.cwd()))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the configuration file {path}: {_reason(error)}") \
            from None
    data = _parse_toml(text, path)
    # keys are named as dotted TOML paths: 'tool.cxj.lint.foo' (it read '[tool.cxj].lint.foo')
    table = "tool.cxj" if path.name == PYPROJECT else ""
    section: object = data
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        section = tool.get("cxj", {}) if isinstance(tool, dict) else {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.cxj] must be a table")
    problems: list[str] = []
    config = read_table(Config, section, table, problems)
    if problems:
        raise ConfigError("\n".join(f"{path}: {problem}" for problem in problems))
    return Settings(config=config, source=path, root=path.parent.resolve())


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return "it is not UTF-8"


# --- reading TOML tables against the records ------------------------------------------------

_TOML_CHECKS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "string": (str, "a string"),
    "integer": (int, "an integer"),
    "boolean": (bool, "true or false"),
    "enum": (str, "a string"),
    "list": (list, "an array"),
    "map": (dict, "a table"),
    "object": (dict, "a table"),
}


def read_table(cls: type, data: dict[str, Any], table: str, problems: list[str]) -> Any:
    """Build ``cls`` from a TOML table, adding every problem found to ``problems``."""
    fields = field_map(cls)
    values: dict[str, Any] = {}
    for key, value in data.items():
        where = f"{table}.{key}" if table else key
        field_shape = fields.get(key)
        if field_shape is None:
            problems.append(_unknown(key, where, fields, table))
            continue
        result = _read_value(field_shape.shapes[0], field_shape, value, where, problems)
        if result is not None:
            values[field_shape.name] = result
    return cls(**values)


def _unknown(key: str, where: str, fields: dict[str, FieldShape], table: str) -> str:
    hint = did_you_mean(key, fields)
    known = ", ".join(fields)
    placement = ""
    if key in ("channels", "personas", "lang", "schema") and table:
        placement = "; it belongs at the top level"
    return f"unknown key '{where}'{hint}{placement}; allowed: {known}"


def _read_value(shape: Shape, field_shape: FieldShape, value: Any, where: str,
                problems: list[str]) -> Any:
    expected_type, expected = _TOML_CHECKS[shape.kind]
    if not isinstance(value, expected_type) or (
            shape.kind == "integer" and isinstance(value, bool)):
        problems.append(f"'{where}' must be {expected}, not {_toml_type(value)}")
        return None
    if shape.kind == "object":
        assert shape.cls is not None
        return read_table(shape.cls, cast(dict[str, Any], value), where, problems)
    if shape.kind == "enum" and value not in shape.choices:
        problems.append(f"'{where}' must be one of {', '.join(shape.choices)}, not '{value}'")
        return None
    minimum = field_shape.meta.get("minimum")
    if shape.kind == "integer" and minimum is not None and value < minimum:
        problems.append(f"'{where}' must be at least {minimum}, not {value}")
        return None
    if shape.kind in ("list", "map"):
        return _read_items(shape, field_shape, value, where, problems)
    return value


def _read_items(shape: Shape, field_shape: FieldShape, value: Any, where: str,
                problems: list[str]) -> Any:
    assert shape.item is not None
    before = len(problems)
    if shape.kind == "list":
        items = [_read_value(shape.item, field_shape, item, f"{where}[{index}]", problems)
                 for index, item in enumerate(value)]
        return items if len(problems) == before else None
    entries = {key: _read_value(shape.item, field_shape, item, f"{where}.\"{key}\"", problems)
               for key, item in value.items()}
    return entries if len(problems) == before else None


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    names = {str: "a string", int: "an integer", float: "a float", list: "an array",
             dict: "a table"}
    return names.get(type(value), type(value).__name__)


# --- showing the settings ---------------------------------------------------------------


def show_settings(settings: Settings) -> str:
    """The resolved configuration as TOML, with where it came from."""
    origin = str(settings.source) if settings.source else "built-in defaults"
    lines = [f"# from {origin}"]
    lines.extend(_toml_lines(settings.config, ""))
    return "\n".join(lines) + "\n"


def _toml_lines(obj: Any, table: str) -> list[str]:
    lines: list[str] = []
    nested: list[tuple[str, Any]] = []
    cls: type = type(obj)
    for field_shape in fields_of(cls):
        value = getattr(obj, field_shape.name)
        if records.is_record(value):
            nested.append((field_shape.key, value))
        elif value is not None:
            lines.append(f"{field_shape.key} = {_toml_value(value)}")
    for key, value in nested:
        name = f"{table}.{key}" if table else key
        lines.extend(["", f"[{name}]", *_toml_lines(value, name)])
    return lines


def _toml_value(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}"
                          for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    return json.dumps(str(value))


def env_today() -> str | None:
    """``CXJ_TODAY`` (YYYY-MM-DD), which pins "today" for the age rules."""
    return os.environ.get("CXJ_TODAY")
