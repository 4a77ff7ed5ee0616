"""Escaping for each render target: journey text is data, never markup (SPEC §6, §8).

HTML templates are autoescaped by Jinja with markupsafe's rules (``html_output`` below
is how each value is written). Every other target has its filters below; ``FILTERS`` is
what the one Jinja environment installs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

ELLIPSIS = "…"
DOT_LABEL_LIMIT = 200  # code points; Graphviz rejects quoted strings over 16 KB
# Every character str.splitlines() breaks on: a reader may treat any of them as a break.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(r"\r\n|[" + LINE_BREAKS + "]")


def lines_of(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


# --- HTML --------------------------------------------------------------------------------

try:  # markupsafe's own escaper, without the Markup object it wraps the result in
    from markupsafe import _escape_inner as _escape_html  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - markupsafe < 3.0 has no _escape_inner
    from markupsafe import escape as _markup_escape

    def _escape_html(s: str, /) -> str:
        return str(_markup_escape(s))


def html_output(value: Any) -> str:
    """One ``{{ value }}`` of an autoescaped template, exactly as markupsafe's ``escape``
    writes it (``__html__`` is trusted, everything else is escaped), but as a plain ``str``.

    Jinja only ever joins these pieces (into the page, or into the Markup of a macro or a
    ``{% set %}`` block), so the Markup wrapper that ``escape`` builds around each value
    is never needed; building it was a quarter of the HTML page's rendering time.
    """
    if type(value) is str:
        return _escape_html(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return _escape_html(str(value))


# --- Markdown (SPEC §8 "Markdown escaping") --------------------------------------------

# `$` is not in the SPEC's list: GitHub renders `$…$` as LaTeX math, so it is escaped too.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]~|$])")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_ENTITY = re.compile("[&<>]")
# Line-initial block markers: headings, quotes, list items, setext underlines, `1.`/`1)`.
_MD_LINE_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)](?:\s|$)))")


def _md_line(line: str) -> str:
    # Leading spaces would start a code block and trailing ones a hard break; neither
    # matters in rendered text, so they go.
    line = _MD_SPECIAL.sub(r"\\\1", line.strip())
    line = _MD_ENTITY.sub(lambda match: _MD_ENTITIES[match.group()], line)
    return _MD_LINE_START.sub(lambda match: _md_protect(match.group()), line)


def _md_protect(start: str) -> str:
    """Backslash a line-initial marker; for `12.` the escape goes before the dot."""
    return start + "\\" if start[0].isdigit() else "\\" + start


def md_text(value: Any) -> str:
    """Markdown for a paragraph or list item: a newline becomes a hard break."""
    return "\\\n".join(_md_line(line) for line in lines_of(str(value)))


def md_cell(value: Any) -> str:
    """Markdown for a GFM table cell: a newline becomes ``<br>``."""
    return "<br>".join(_md_line(line) for line in lines_of(str(value)))


def md_line(value: Any) -> str:
    """Markdown for a heading or link text, which cannot break: a newline becomes a space."""
    return " ".join(_md_line(line) for line in lines_of(str(value)))


def md_fence(code: str) -> str:
    """A backtick fence longer than any backtick run in ``code``."""
    longest = max((len(run) for run in re.findall("`+", code)), default=0)
    return "`" * max(3, longest + 1)


# --- Mermaid (SPEC §8 "Mermaid mapping") -----------------------------------------------

_MERMAID_CODES = {ord(char): f"#{ord(char)};" for char in "#%:;"}
# `<` is not in the SPEC's list: Mermaid draws `<br>` in a name as a line break, and the
# entity keeps it text. Mermaid decodes every `#NNN;` when it renders.
_MERMAID_CODES[ord("<")] = "#60;"
_MERMAID_ACTOR_CODES = {**_MERMAID_CODES, ord(","): "#44;"}
# Not in the SPEC: Mermaid refuses a diagram over 50,000 characters (`maxTextSize`, also on
# GitHub) and draws an error instead, so names are clipped like DOT labels; the full text
# stays in the HTML and Markdown grid.
MERMAID_TEXT_LIMIT = 200
_MERMAID_KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")


def mermaid_text(value: Any, actor: bool = False, limit: int = MERMAID_TEXT_LIMIT) -> str:
    """A title, section, task or actor name that Mermaid's journey lexer reads as text,
    clipped to ``limit`` code points."""
    text = clip(" ".join(lines_of(str(value).strip())).strip(), limit)
    text = text.translate(_MERMAID_ACTOR_CODES if actor else _MERMAID_CODES)
    if text.lower().startswith(_MERMAID_KEYWORDS):
        text = f"#{ord(text[0])};{text[1:]}"
    return text


def mermaid_score(score: float | None) -> int:
    """A stage score −2…2 as Mermaid's 1…5, rounded half away from zero; none is 3."""
    if score is None:
        return 3
    return round_half_away(score) + 3


def round_half_away(value: float) -> int:
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


# --- Graphviz DOT (SPEC §8 "DOT") -------------------------------------------------------

_DOT_CODES = {
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    # Graphviz decodes HTML entities in every label, so `&` and the angle brackets are
    # written as entities to stay literal.
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
}


def clip(value: Any, limit: int = DOT_LABEL_LIMIT) -> str:
    """At most ``limit`` code points: a longer text keeps ``limit - 1`` and gets ``…``."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def dot_string(value: Any, limit: int = DOT_LABEL_LIMIT) -> str:
    """A complete DOT quoted string (quotes included), clipped to ``limit`` code points;
    line breaks become centred Graphviz line breaks."""
    text = clip(value, limit).translate(_DOT_CODES)
    return '"' + "\\n".join(lines_of(text)) + '"'


# --- one-line YAML flow (CSV cells, SPEC §8 "csv") ---------------------------------------

_FLOW_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@`\\ ")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}\t]|: |:$| #")
# Plain scalars a YAML reader (1.2 core, or a 1.1 one) would not read as a string.
_NOT_A_STRING = re.compile(
    r"(?i:~|null|true|false|yes|no|on|off|y|n)|[-+.]?\d.*|[-+]?\.(?i:inf|nan)")
_JSON_LEFT_RAW = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def yaml_flow(value: Any) -> str:
    """``value`` as a one-line YAML flow node that reads back to the same value."""
    if isinstance(value, dict):
        pairs = ", ".join(f"{yaml_flow(str(key))}: {yaml_flow(item)}"
                          for key, item in value.items())
        return "{" + pairs + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(yaml_flow(item) for item in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _yaml_float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _yaml_string(str(value))


def _yaml_float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


def _yaml_string(text: str) -> str:
    if (text and text[0] not in _FLOW_UNSAFE_START and text == text.strip()
            and not _FLOW_UNSAFE.search(text) and not _NOT_A_STRING.fullmatch(text)
            and not any(char in LINE_BREAKS or ord(char) < 32 for char in text)):
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted
    return "".join(_JSON_LEFT_RAW.get(char, char) for char in quoted)


# --- CSV (RFC 4180) ---------------------------------------------------------------------


def csv_row(cells: Iterable[Any]) -> str:
    """One RFC 4180 record with its CRLF."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([str(cell) for cell in cells])
    return buffer.getvalue()


# --- JSON -------------------------------------------------------------------------------


def json_text(value: Any) -> str:
    """2-space indent, non-ASCII unescaped (SPEC §8 "json")."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


FILTERS: dict[str, Callable[..., Any]] = {
    "md": md_text,
    "md_cell": md_cell,
    "md_line": md_line,
    "md_fence": md_fence,
    "mermaid": mermaid_text,
    "dot": dot_string,
    "clip": clip,
    "yaml_flow": yaml_flow,
    "csv_row": csv_row,
    "json": json_text,
}
