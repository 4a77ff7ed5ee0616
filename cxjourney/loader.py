"""From bytes to a validated journey: size limit, UTF-8, YAML, then the model."""

from __future__ import annotations

import re
from typing import NamedTuple

from cxjourney import findings as codes
from cxjourney.findings import Finding
from cxjourney.ids import journey_id_from_path
from cxjourney.model import Journey, Persona
from cxjourney.validator import read_journey, read_personas
from cxjourney.yamltree import Document, LimitError, Limits, Mark, YamlSyntaxError, compose

UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = {b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16", b"\x00\x00\xfe\xff": "UTF-32"}
# What YAML 1.2 does not allow in a stream (c-printable's complement), tab and breaks aside.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_ASCII_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


class FileLimits(NamedTuple):
    """The limits that protect the machine (SPEC §8 "Limits")."""

    max_file_size: int = 5_242_880
    max_depth: int = 64
    max_nodes: int = 100_000

    @property
    def tree(self) -> Limits:
        return Limits(max_depth=self.max_depth, max_nodes=self.max_nodes)


DEFAULT_FILE_LIMITS = FileLimits()


class Loaded(NamedTuple):
    """A file after loading: its text and tree when they could be read, the journey when
    it is valid, and every validation finding."""

    path: str
    journey: Journey | None
    findings: list[Finding]
    text: str | None = None
    document: Document | None = None

    @property
    def valid(self) -> bool:
        return self.journey is not None


class SourceError(Exception):
    """The bytes could not become a YAML tree; carries the single finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def decode(data: bytes, path: str, limits: FileLimits) -> str:
    """The file's text, or :class:`SourceError` for size, encoding or forbidden characters."""
    if len(data) > limits.max_file_size:
        raise SourceError(codes.make(
            codes.LIMIT_EXCEEDED, path, 1, 1,
            f"the file is {len(data):,} bytes; the limit is {limits.max_file_size:,} "
            "(limit max-file-size)"))
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    else:
        for bom, name in _OTHER_BOMS.items():
            if data.startswith(bom):
                raise SourceError(codes.make(
                    codes.ENCODING, path, 1, 1,
                    f"the file is {name}-encoded; journey files must be UTF-8"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(codes.make(
            codes.ENCODING, path, line, error.start - line_start + 1,
            f"invalid UTF-8 byte 0x{data[error.start]:02x}; journey files must be UTF-8"
        )) from None
    bad = _NOT_PRINTABLE.search(text) if _may_hold_forbidden(data) else None
    if bad is not None:
        offset = bad.start()
        line_start = text.rfind("\n", 0, offset) + 1
        raise SourceError(codes.make(
            codes.YAML_SYNTAX, path, text.count("\n", 0, offset) + 1, offset - line_start + 1,
            f"the control character U+{ord(bad.group()):04X} is not allowed in YAML"))
    return text


def _may_hold_forbidden(data: bytes) -> bool:
    """False when UTF-8 ``data`` surely holds no character of ``_NOT_PRINTABLE``.

    Byte scans in C, some fifty times cheaper than the regular expression over the text,
    which then runs only on suspicion: an ASCII control is its own byte in UTF-8,
    U+0080–U+009F start with 0xC2, and U+FFFE/U+FFFF with 0xEF 0xBF.
    """
    return (len(data.translate(None, _ASCII_CONTROLS)) != len(data)
            or b"\xc2" in data or b"\xef\xbf" in data)


def parse(text: str, path: str, limits: FileLimits, *, pure: bool = False) -> Document:
    try:
        return compose(text, limits.tree, pure=pure)
    except YamlSyntaxError as error:
        raise SourceError(_at(codes.YAML_SYNTAX, path, error.mark, error.message)) from None
    except LimitError as error:
        raise SourceError(_at(codes.LIMIT_EXCEEDED, path, error.mark, error.message)) from None
    except RecursionError:  # pragma: no cover - the depth limit stops nesting long before
        raise SourceError(_too_deep(path)) from None


def _at(code: codes.Code, path: str, mark: Mark, message: str) -> Finding:
    return codes.make(code, path, mark.line, mark.column, message)


def default_id(path: str) -> str:
    return "stdin" if path == "-" else journey_id_from_path(path)


def load_bytes(data: bytes, path: str, *, limits: FileLimits = DEFAULT_FILE_LIMITS,
               personas: dict[str, Persona] | None = None, personas_configured: bool = False,
               pure: bool = False) -> Loaded:
    """Load one journey file's bytes; ``path`` is what findings report."""
    try:
        text = decode(data, path, limits)
    except SourceError as error:
        return Loaded(path, None, [error.finding])
    try:
        document = parse(text, path, limits, pure=pure)
    except SourceError as error:
        return Loaded(path, None, [error.finding], text)
    try:
        journey, found = read_journey(document, path, default_id(path), personas,
                                      personas_configured)
    except RecursionError:
        # The tree is built without recursion, but the validator walks it recursively: a
        # max-depth raised far above the default (thousands) ended in an internal error.
        return Loaded(path, None, [_too_deep(path)], text)
    return Loaded(path, journey, found, text, document)


def _too_deep(path: str) -> Finding:
    return codes.make(codes.LIMIT_EXCEEDED, path, 1, 1,
                      "the document is nested too deeply to validate (lower max-depth)")


def load_personas_bytes(data: bytes, path: str, *, limits: FileLimits = DEFAULT_FILE_LIMITS,
                        pure: bool = False) -> tuple[dict[str, Persona], list[Finding]]:
    """Load a personas file: its valid personas by id, and its findings."""
    try:
        document = parse(decode(data, path, limits), path, limits, pure=pure)
    except SourceError as error:
        return {}, [error.finding]
    try:
        return read_personas(document, path)
    except RecursionError:  # as in load_bytes
        return {}, [_too_deep(path)]
