"""Frozen records with typed, documented fields: the classes of the format and the config.

``@record`` reads a class's annotations like ``@dataclass(frozen=True)`` does, keeps each
field's default and metadata, and gives the class an ``__init__``, ``__eq__``, ``__hash__``
and ``__repr__`` shared by every record instead of generated for each.

Why not dataclasses: ``@dataclass`` writes and compiles about six methods per class while
the module imports (≈1.5 ms per frozen class on our 2-core machine), and importing
``dataclasses`` pulls in ``inspect``. ``cxj validate`` runs in a git hook on every commit and
needed seventeen such classes before it read a byte: together ~45 ms of a ~190 ms run
(`python benchmarks/run.py`, case a). A shared ``__init__`` costs no more per object than
a generated frozen one, which sets each field through ``object.__setattr__``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # mypy reads records as dataclasses; at run time this costs nothing
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda decorated: decorated

T = TypeVar("T")
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a record (records are values)."""


class Field:
    """One field: its name, default (or factory) and metadata (see ``model.spec``)."""

    __slots__ = ("compare", "default", "default_factory", "metadata", "name", "repr")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None,
                 metadata: dict[str, Any], compare: bool, repr: bool) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.metadata = metadata
        self.compare = compare
        self.repr = repr

    @property
    def required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None,
          metadata: dict[str, Any] | None = None, compare: bool = True,
          repr: bool = True) -> Any:
    """Declare a field with more than a plain default (as ``dataclasses.field``)."""
    if default is not _MISSING and default_factory is not None:
        raise ValueError("a field cannot have both a default and a default_factory")
    return Field(default, default_factory, metadata or {}, compare, repr)


class _Spec:
    """What ``Record.__init__`` needs, computed once per class."""

    def __init__(self, fields: tuple[Field, ...], kw_only: bool) -> None:
        self.fields = fields
        self.names = frozenset(item.name for item in fields)
        self.order = tuple(item.name for item in fields)
        self.defaults = {item.name: item.default for item in fields
                         if item.default is not _MISSING}
        self.factories = tuple((item.name, item.default_factory) for item in fields
                               if item.default_factory is not None)
        self.compared = tuple(item.name for item in fields if item.compare)
        self.shown = tuple(item.name for item in fields if item.repr)
        self.kw_only = kw_only


class Record:
    """The methods every record shares; subclasses are made with ``@record``."""

    __record__: _Spec

    def __init__(self, *args: Any, **values: Any) -> None:
        spec = type(self).__record__
        if args:
            values = _positional(type(self), spec, args, values)
        state = self.__dict__
        state.update(spec.defaults)
        for name, factory in spec.factories:
            if name not in values:
                state[name] = factory()
        state.update(values)
        if len(state) != len(spec.names) or not spec.names.issuperset(values):
            _bad_arguments(type(self), spec, values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field '{name}'")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _compared(self) == _compared(other)

    def __hash__(self) -> int:
        return hash(_compared(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}"
                          for name in type(self).__record__.shown)
        return f"{type(self).__qualname__}({shown})"


def _compared(obj: Any) -> tuple[Any, ...]:
    state = obj.__dict__
    return tuple(state[name] for name in type(obj).__record__.compared)


def _positional(cls: type, spec: _Spec, args: tuple[Any, ...],
                values: dict[str, Any]) -> dict[str, Any]:
    if spec.kw_only or len(args) > len(spec.order):
        raise TypeError(f"{cls.__name__}() takes {0 if spec.kw_only else len(spec.order)} "
                        f"positional arguments but {len(args)} were given")
    given = dict(zip(spec.order, args, strict=False))  # len(args) is checked above
    for name in values:
        if name in given:
            raise TypeError(f"{cls.__name__}() got multiple values for argument '{name}'")
    return {**given, **values}


def _bad_arguments(cls: type, spec: _Spec, values: dict[str, Any]) -> None:
    unknown = sorted(set(values) - spec.names)
    if unknown:
        raise TypeError(f"{cls.__name__}() got an unexpected keyword argument '{unknown[0]}'")
    missing = [item.name for item in spec.fields if item.required and item.name not in values]
    raise TypeError(f"{cls.__name__}() missing required argument: '{missing[0]}'")


@dataclass_transform(kw_only_default=False, frozen_default=True, field_specifiers=(field,))
def record(cls: type[T] | None = None, /, *,
           kw_only: bool = False) -> Any:
    """Make ``cls`` (a ``Record`` subclass) a frozen record of its annotated fields, the
    base classes' fields first."""
    def make(target: type[T]) -> type[T]:
        if not issubclass(target, Record):
            raise TypeError(f"@record: {target.__name__} must derive from Record")
        inherited = {item.name: item for base in reversed(target.__mro__[1:])
                     for item in getattr(base, "__record__", _EMPTY).fields}
        own = _own_fields(target)
        target.__record__ = _Spec(tuple({**inherited, **own}.values()), kw_only)
        return target

    return make if cls is None else make(cls)


def _own_fields(cls: type) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    # The class's own annotations (strings, under `from __future__ import annotations`);
    # inspect.get_annotations would do the same at the price of importing inspect.
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
    for name, annotation in own.items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        item = value if isinstance(value, Field) else Field(value, None, {}, True, True)
        if isinstance(item.default, (list, dict, set)):
            raise ValueError(f"{cls.__name__}.{name}: a mutable default needs default_factory")
        item.name = name
        fields[name] = item
        if isinstance(value, Field):  # the class attribute becomes the plain default
            if item.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, item.default)
    return fields


_EMPTY = _Spec((), False)


def fields(obj: Any) -> tuple[Field, ...]:
    """The fields of a record class or instance, in declaration order."""
    cls: type[Record] = obj if isinstance(obj, type) else type(obj)
    return cls.__record__.fields


def is_record(obj: Any) -> bool:
    return isinstance(obj, Record) or (isinstance(obj, type) and issubclass(obj, Record))


def replace(obj: T, **changes: Any) -> T:
    """A copy of ``obj`` with some fields changed (as ``dataclasses.replace``)."""
    spec = type(obj).__record__  # type: ignore[attr-defined]
    unknown = set(changes) - spec.names
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field '{sorted(unknown)[0]}'")
    copy = object.__new__(type(obj))
    copy.__dict__.update(obj.__dict__)
    copy.__dict__.update(changes)
    return copy
