"""The JSON Schema (SPEC §2, §7): generated from the model, checked in, draft-07 safe, and in
agreement with the validator on the examples and on invalid journeys."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cxj_foundation_support import EXAMPLES, ROOT, Result
from ruamel.yaml import YAML
from test_validate_cases import ALL_CASES, case_bytes

from cxjourney.loader import load_bytes
from cxjourney.schema import config_schema, dumps, journey_schema, reference_markdown

Cxj = Callable[..., Result]
VALIDATORS = [jsonschema.Draft7Validator, jsonschema.Draft202012Validator]
REGENERATE = "regenerate with: .venv/bin/python -m cxjourney.schema"


def yaml_data(text: str) -> Any:
    """YAML 1.2 core data as an editor's schema check sees it. ruamel's safe loader turns
    unquoted dates into ``datetime.date``; JSON has no dates, so they become ISO text."""
    return _json_like(YAML(typ="safe", pure=True).load(text))


def _json_like(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _json_like(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_like(item) for item in value]
    return value


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return journey_schema()


def test_cxj_schema_prints_the_checked_in_copy(cxj: Cxj) -> None:
    result = cxj("schema")
    assert result.code == 0
    assert result.out == (ROOT / "schemas" / "journey.schema.json").read_text(
        encoding="utf-8"), REGENERATE


def test_cxj_schema_config_prints_the_checked_in_copy(cxj: Cxj) -> None:
    result = cxj("schema", "--config")
    assert result.out == (ROOT / "schemas" / "config.schema.json").read_text(
        encoding="utf-8"), REGENERATE


def test_format_reference_is_up_to_date() -> None:
    assert (ROOT / "docs" / "format.md").read_text(encoding="utf-8") == \
        reference_markdown(), REGENERATE


def test_cxj_schema_output_file(cxj: Cxj, project: Path) -> None:
    result = cxj("schema", "-o", "out/journey.schema.json")
    assert (result.code, result.out) == (0, "")
    assert (project / "out" / "journey.schema.json").read_text() == dumps(journey_schema())


def test_ids_and_draft(schema: dict[str, Any]) -> None:
    assert schema["$id"] == "urn:cxjourney:schema:journey:1"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert config_schema()["$id"] == "urn:cxjourney:schema:config:1"


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


@pytest.mark.parametrize("make", [journey_schema, config_schema])
def test_only_keywords_draft_07_understands(make: Callable[[], dict[str, Any]]) -> None:
    keys = set(_keys(make()))
    assert keys & {"prefixItems", "unevaluatedProperties", "unevaluatedItems",
                   "$dynamicRef", "$dynamicAnchor", "dependentSchemas",
                   "dependentRequired"} == set()
    for validator in VALIDATORS:
        validator.check_schema(make())


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.journey.yaml"))


def test_there_are_examples() -> None:
    assert len(EXAMPLE_FILES) >= 3


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda v: v.__name__)
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_validate(schema: dict[str, Any], path: Path, validator: Any) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_bytes(text.encode(), path.name).valid
    errors = [error.message for error in validator(schema).iter_errors(yaml_data(text))]
    assert errors == []


def test_yaml_dates_are_compared_as_text() -> None:
    assert yaml_data("updated: 2026-11-01\nx: '2026-11-01'\non: on\n") == {
        "updated": "2026-11-01", "x": "2026-11-01", "on": "on"}


INVALID_JOURNEYS = {
    "no title": "cxj: 1\nstages: [{name: A}]\n",
    "version 2": "cxj: 2\ntitle: T\nstages: [{name: A}]\n",
    "no stages": "cxj: 1\ntitle: T\nstages: []\n",
    "empty title": "cxj: 1\ntitle: '  '\nstages: [{name: A}]\n",
    "unknown key": "cxj: 1\ntitle: T\nstages: [{name: A, pain_point: [x]}]\n",
    "score out of range": "cxj: 1\ntitle: T\nstages: [{name: A, emotions: [{text: E, "
                          "score: 3}]}]\n",
    "float score": "cxj: 1\ntitle: T\nstages: [{name: A, emotions: [{text: E, score: 1.5}]}]\n",
    "nps over 100": "cxj: 1\ntitle: T\nstages: [{name: A, metrics: [{name: N, type: nps, "
                    "target: 101}]}]\n",
    "ces below 1": "cxj: 1\ntitle: T\nstages: [{name: A, metrics: [{name: N, type: ces, "
                   "actual: 0}]}]\n",
    "direction on csat": "cxj: 1\ntitle: T\nstages: [{name: A, metrics: [{name: N, "
                         "type: csat, direction: lower}]}]\n",
    "boolean target": "cxj: 1\ntitle: T\nstages: [{name: A, metrics: [{name: N, "
                      "target: true}]}]\n",
    "bad id": "cxj: 1\nid: Winter_Coat\ntitle: T\nstages: [{name: A}]\n",
    "bad lang": "cxj: 1\nlang: sv\ntitle: T\nstages: [{name: A}]\n",
    "bad date": "cxj: 1\nupdated: '1.11.2026'\ntitle: T\nstages: [{name: A}]\n",
    "touchpoint without name": "cxj: 1\ntitle: T\nstages: [{name: A, touchpoints: "
                               "[{channel: web}]}]\n",
    "peak without stage": "cxj: 1\ntitle: T\nstages: [{name: A}]\npeak: {reason: r}\n",
    "persona without name": "cxj: 1\ntitle: T\nstages: [{name: A}]\npersona: {goals: [g]}\n",
}


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda v: v.__name__)
@pytest.mark.parametrize("name", list(INVALID_JOURNEYS))
def test_invalid_journeys_fail_the_schema_and_the_validator(
        schema: dict[str, Any], name: str, validator: Any) -> None:
    text = INVALID_JOURNEYS[name]
    assert not load_bytes(text.encode(), "x.journey.yaml").valid
    assert list(validator(schema).iter_errors(yaml_data(text))) != []


# ruamel's safe loader reads `! 2026` as an integer; YAML 1.2 (and cxj) read the non-specific
# tag `!` on a plain scalar as text. That case says nothing about the schema.
_LOADER_DIFFERS = {"the non-specific tag ! makes text"}
VALID_CASES = [case for _, case in ALL_CASES if not case["expected"]
               and "personas_file" not in case and "limits" not in case
               and case["name"] not in _LOADER_DIFFERS]


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda v: v.__name__)
@pytest.mark.parametrize("case", VALID_CASES, ids=lambda c: c["name"])
def test_valid_corpus_cases_pass_the_schema(schema: dict[str, Any], case: dict[str, Any],
                                            validator: Any) -> None:
    """What the validator accepts, an editor's schema check accepts too."""
    data = yaml_data(case_bytes(case).decode("utf-8-sig"))
    assert [error.message for error in validator(schema).iter_errors(data)] == []


def test_config_schema_accepts_the_documented_config() -> None:
    import tomllib

    config = tomllib.loads(
        'include = ["journeys/**/*.journey.yaml"]\nexclude = ["journeys/drafts/**"]\n'
        'lang = "fi"\npersonas = "personas.yaml"\nchannels = ["web", "store"]\n'
        '[lint]\nselect = ["ALL"]\nignore = ["metric-without-target"]\nfail-on = "warning"\n'
        'severity = { stage-without-touchpoints = "error" }\n'
        'per-file-ignores = { "journeys/legacy/**" = ["CXJ2"] }\nmax-age-days = 365\n'
        '[render]\nformat = "html"\noutput = "site/journeys"\ntemplates = "templates/custom"\n'
        '[limits]\nmax-file-size = 5242880\nmax-depth = 64\nmax-nodes = 100000\n')
    for validator in VALIDATORS:
        assert list(validator(config_schema()).iter_errors(config)) == []
        assert list(validator(config_schema()).iter_errors({"lint": {"lang": "fi"}})) != []
    assert json.loads(dumps(config_schema())) == config_schema()
