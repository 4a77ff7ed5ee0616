"""cxjourney.records: the frozen records the format and the configuration are made of."""

from __future__ import annotations

import pickle
from typing import ClassVar

import pytest

from cxjourney import records
from cxjourney.config import LimitsConfig, Settings
from cxjourney.model import Emotion, Stage, Touchpoint
from cxjourney.records import FrozenInstanceError, Record, field, record


@record(kw_only=True)
class Sample(Record):
    KIND: ClassVar[str] = "sample"

    name: str = field(metadata={"doc": "The name."})
    tags: list[str] = field(default_factory=list)
    note: str | None = field(default=None, compare=False, repr=False)


def test_fields_keep_order_defaults_and_metadata() -> None:
    names = [item.name for item in records.fields(Sample)]
    assert names == ["name", "tags", "note"]  # the ClassVar is not a field
    name, tags, note = records.fields(Sample)
    assert name.required and name.metadata == {"doc": "The name."}
    assert not tags.required and tags.default_factory is list
    assert note.default is None and not note.compare
    assert records.fields(Sample(name="a")) == records.fields(Sample)


def test_base_class_fields_come_first() -> None:
    assert [item.name for item in records.fields(Touchpoint)][:2] == ["extensions", "node"]


def test_defaults_are_fresh_per_object() -> None:
    first, second = Sample(name="a"), Sample(name="b")
    first.tags.append("x")
    assert second.tags == [] and Sample.KIND == "sample"


def test_a_record_is_frozen() -> None:
    sample = Sample(name="a")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'name'"):
        sample.name = "b"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del sample.name


@pytest.mark.parametrize(("build", "message"), [
    # mypy reads records as dataclasses and rejects these calls too.
    (lambda: Sample(), "missing required argument: 'name'"),  # type: ignore[call-arg]
    (lambda: Sample(name="a", nmae="b"),  # type: ignore[call-arg]
     "unexpected keyword argument 'nmae'"),
    (lambda: Sample("a"), "takes 0 positional arguments but 1 were given"),  # type: ignore[call-arg]
    (lambda: Settings(None, None, None, None),  # type: ignore[call-arg,arg-type]
     "takes 3 positional arguments but 4"),
])
def test_wrong_arguments_are_type_errors(build: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        build()  # type: ignore[operator]


def test_positional_arguments_fill_fields_in_order() -> None:
    settings = Settings(Settings().config, None)
    assert settings.source is None and settings.config == Settings().config
    with pytest.raises(TypeError, match="multiple values for argument 'source'"):
        Settings(Settings().config, None, source=None)  # type: ignore[misc]


def test_equality_and_hash_use_the_compared_fields() -> None:
    assert Sample(name="a", note="x") == Sample(name="a", note="y")
    assert Sample(name="a") != Sample(name="b")
    assert Sample(name="a") != Emotion(text="a")
    assert hash(LimitsConfig(max_depth=3)) == hash(LimitsConfig(max_depth=3))
    with pytest.raises(TypeError):  # a list inside: unhashable, as a frozen dataclass
        hash(Sample(name="a"))


def test_repr_shows_the_shown_fields() -> None:
    assert repr(Sample(name="a", note="hidden")) == "Sample(name='a', tags=[])"


def test_replace_copies_with_changes_and_checks_names() -> None:
    stage = Stage(name="Awareness", actions=["Looks"])
    renamed = records.replace(stage, name="Search")
    assert (renamed.name, renamed.actions, stage.name) == ("Search", ["Looks"], "Awareness")
    with pytest.raises(TypeError, match="has no field 'nmae'"):
        records.replace(stage, nmae="x")


def test_records_pickle_and_stay_frozen() -> None:
    stage = pickle.loads(pickle.dumps(Stage(name="Awareness", emotions=[Emotion(text="a")])))
    assert stage == Stage(name="Awareness", emotions=[Emotion(text="a")])
    with pytest.raises(FrozenInstanceError):
        stage.name = "b"


def test_a_record_must_derive_from_record() -> None:
    with pytest.raises(TypeError, match="must derive from Record"):
        record(type("Plain", (), {}))
    assert records.is_record(Stage) and records.is_record(Stage(name="x"))
    assert not records.is_record(dict)
