"""Findings: what validation and lint report, as frozen, totally ordered values."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"'{text}' is not a severity (error, warning, info)") from None


class Code(NamedTuple):
    """A finding's identity: code, kebab-case name, default severity and a summary."""

    code: str
    name: str
    severity: Severity
    summary: str


class Finding(NamedTuple):
    """One problem at one place: a tuple, so ordered by path, line, column, code, then
    message (the fields after those follow from them). A tuple, not a dataclass: lint
    makes thousands, workers pickle them and the report sorts them; tuples do all three
    in C.

    ``location`` is the logical place (``stages[awareness].metrics[NPS].target``) used
    for line-independent fingerprints.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    rule: str
    severity: Severity
    location: str = ""

    def with_severity(self, severity: Severity) -> Finding:
        return self._replace(severity=severity)


# Validation errors (`cxj validate`): always severity error, never suppressible.
YAML_SYNTAX = Code("CXJ001", "yaml-syntax", Severity.ERROR, "The file is not valid YAML.")
INVALID_ROOT = Code("CXJ002", "invalid-root", Severity.ERROR,
                    "The file is empty, holds more than one document, or its root is not a "
                    "mapping.")
UNSUPPORTED_VERSION = Code("CXJ003", "unsupported-version", Severity.ERROR,
                           "`cxj` names a format version this cxj does not read.")
UNKNOWN_KEY = Code("CXJ004", "unknown-key", Severity.ERROR,
                   "A key the format does not define (extensions start with `x-`).")
MISSING_KEY = Code("CXJ005", "missing-key", Severity.ERROR, "A required key is missing.")
WRONG_TYPE = Code("CXJ006", "wrong-type", Severity.ERROR,
                  "A value of the wrong type (e.g. a list where text is expected).")
INVALID_VALUE = Code("CXJ007", "invalid-value", Severity.ERROR,
                     "A value of the right type that is not allowed: out of range, not in "
                     "the enum, not a slug, not a date, empty.")
DUPLICATE_ID = Code("CXJ008", "duplicate-id", Severity.ERROR, "Two stages share an id.")
UNKNOWN_REFERENCE = Code("CXJ009", "unknown-reference", Severity.ERROR,
                         "A reference (peak, end, persona) names nothing that exists.")
DUPLICATE_KEY = Code("CXJ010", "duplicate-key", Severity.ERROR,
                     "A mapping has the same key twice.")
LIMIT_EXCEEDED = Code("CXJ011", "limit-exceeded", Severity.ERROR,
                      "The file exceeds a size, depth or node-count limit.")
ENCODING = Code("CXJ012", "encoding", Severity.ERROR, "The file is not valid UTF-8.")

VALIDATION_CODES: tuple[Code, ...] = (
    YAML_SYNTAX, INVALID_ROOT, UNSUPPORTED_VERSION, UNKNOWN_KEY, MISSING_KEY, WRONG_TYPE,
    INVALID_VALUE, DUPLICATE_ID, UNKNOWN_REFERENCE, DUPLICATE_KEY, LIMIT_EXCEEDED, ENCODING,
)


def make(code: Code, path: str, line: int, column: int, message: str,
         location: str = "") -> Finding:
    return Finding(path, line, column, code.code, message, code.name, code.severity, location)
