"""Reading and writing many rows of one table in one statement.

Building a statement is the expensive part of a peewee query (a few hundred microseconds
on a modest PC, against a few microseconds for SQLite to run it). A service that writes
dozens of rows in one transaction (the escalation scan writes a notification per recipient
and channel for every escalated incident) therefore prepares each statement once, from the
model's own columns, and runs it for all rows with ``executemany``. Values go through the
fields' ``db_value`` as they would with peewee.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from peewee import AutoField, CharField, Field, ForeignKeyField, IntegerField, Model, TextField

from desk_app.storage.models import database

#: Field types (exactly these, not subclasses such as ``UtcField``) whose ``db_value``
#: leaves a plain value of the right type as it is: such values go to SQLite untouched.
_PLAIN = (AutoField, IntegerField, CharField, TextField, ForeignKeyField)


def _converter(field: Field) -> Callable[[Any], Any] | None:
    return None if type(field) in _PLAIN else field.db_value


@cache
def _columns(model: type[Model], names: tuple[str, ...]
             ) -> tuple[str, tuple[tuple[int, Callable[[Any], Any]], ...]]:
    """The quoted column list, and (position, converter) for values that need one."""
    fields = [model._meta.fields[name] for name in names]
    quoted = ", ".join(f'"{f.column_name}"' for f in fields)
    converters = tuple((i, c) for i, f in enumerate(fields) if (c := _converter(f)))
    return quoted, converters


@cache
def _insert_sql(model: type[Model], names: tuple[str, ...], ignore: bool) -> str:
    quoted, _ = _columns(model, names)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    marks = ", ".join("?" * len(names))
    return f'{verb} INTO "{model._meta.table_name}" ({quoted}) VALUES ({marks})'


@cache
def _update_sql(model: type[Model], names: tuple[str, ...], keys: tuple[str, ...]) -> str:
    fields = model._meta.fields
    assignments = ", ".join(f'"{fields[n].column_name}" = ?' for n in names)
    where = " AND ".join(f'"{fields[k].column_name}" = ?' for k in keys)
    return f'UPDATE "{model._meta.table_name}" SET {assignments} WHERE {where}'


def _convert(model: type[Model], names: tuple[str, ...], rows: Sequence[Sequence[Any]]
             ) -> Sequence[Sequence[Any]]:
    _, converters = _columns(model, names)
    if not converters:
        return rows
    result = []
    for row in rows:
        values = list(row)
        for i, convert in converters:
            values[i] = convert(values[i])
        result.append(values)
    return result


def _executemany(sql: str, rows: Sequence[Sequence[Any]]) -> Any:
    """``executemany`` on the connection in use (a server's database brings its own)."""
    many = getattr(database.obj, "executemany", None)
    if many is not None:
        return many(sql, rows)
    return database.connection().executemany(sql, rows)


#: for callers that write their own statement (the import of a bundle)
executemany = _executemany


def insert_rows(model: type[Model], names: Sequence[str], rows: Sequence[Sequence[Any]], *,
                ignore: bool = False, converted: bool = False) -> None:
    """Insert ``rows`` (values in the order of ``names``), in order; with ``ignore``, a row
    that breaks a unique key is skipped (``INSERT OR IGNORE``). ``converted``: the values
    are already what the fields' ``db_value`` would give."""
    if rows:
        key = tuple(names)
        _executemany(
            _insert_sql(model, key, ignore), rows if converted else _convert(model, key, rows))


def update_rows(model: type[Model], names: Sequence[str], keys: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> int:
    """``UPDATE … SET names WHERE keys`` for each row (values of ``names`` then ``keys``);
    returns how many rows matched in all."""
    if not rows:
        return 0
    key = (*names, *keys)
    cursor = _executemany(_update_sql(model, tuple(names), tuple(keys)),
                                                _convert(model, key, rows))
    return int(cursor.rowcount)


@cache
def _readers(model: type[Model], names: tuple[str, ...]
             ) -> tuple[str, tuple[tuple[int, Callable[[Any], Any]], ...]]:
    fields = [model._meta.fields[name] for name in names]
    quoted = ", ".join(f'"{f.column_name}"' for f in fields)
    readers = tuple((i, f.python_value) for i, f in enumerate(fields)
                    if type(f) not in _PLAIN)
    return quoted, readers


def select_rows(model: type[Model], names: Sequence[str], key: str, values: Sequence[Any],
                condition: str = "") -> list[list[Any]]:
    """The ``names`` columns of the rows whose ``key`` is one of ``values`` (and that meet
    the SQL ``condition``), in id order, read as the fields read them."""
    if not values:
        return []
    quoted, readers = _readers(model, tuple(names))
    column = model._meta.fields[key].column_name
    marks = ", ".join("?" * len(values))
    sql = (f'SELECT {quoted} FROM "{model._meta.table_name}" WHERE "{column}" IN ({marks})'
           f'{f" AND {condition}" if condition else ""} ORDER BY "id"')
    rows = []
    for row in database.execute_sql(sql, list(values)):
        values_ = list(row)
        for i, read in readers:
            values_[i] = read(values_[i])
        rows.append(values_)
    return rows


def _key_column(model: type[Model]) -> str:
    key = model._meta.primary_key
    assert isinstance(key, Field)
    return str(key.column_name)


@cache
def _get_sql(model: type[Model]) -> tuple[str, tuple[tuple[str, Callable[[Any], Any]], ...]]:
    fields = model._meta.sorted_fields
    quoted = ", ".join(f'"{f.column_name}"' for f in fields)
    key = _key_column(model)
    readers = tuple((f.name, f.python_value) for f in fields)
    return f'SELECT {quoted} FROM "{model._meta.table_name}" WHERE "{key}" = ?', readers


M = TypeVar("M", bound=Model)


def get_row(model: type[M], key: Any) -> M | None:
    """The row with primary key ``key`` as a model instance (None: there is none): what
    ``model.get_or_none(model.id == key)`` gives, from a statement prepared once per model
    rather than built again by peewee on every call (lookups run on every write)."""
    sql, readers = _get_sql(model)
    row = database.execute_sql(sql, (key,)).fetchone()
    if row is None:
        return None
    instance = model(__no_default__=1, **{name: read(value)
                                           for (name, read), value in zip(readers, row,
                                                                          strict=True)})
    instance._dirty.clear()  # type: ignore[attr-defined]
    return instance


def get_rows(model: type[M], key: str, values: Sequence[Any]) -> list[M]:
    """The rows whose ``key`` is one of ``values``, in id order, as model instances: what
    ``model.select().where(key.in_(values)).order_by(model.id)`` gives, without peewee
    building the statement on every call."""
    if not values:
        return []
    sql, readers = _get_sql(model)
    head = sql[:sql.index(" WHERE ")]
    column = model._meta.fields[key].column_name
    marks = ", ".join("?" * len(values))
    result = []
    for row in database.execute_sql(f'{head} WHERE "{column}" IN ({marks}) ORDER BY "id"',
                                    list(values)):
        instance = model(__no_default__=1, **{
            name: read(value) for (name, read), value in zip(readers, row, strict=True)})
        instance._dirty.clear()  # type: ignore[attr-defined]
        result.append(instance)
    return result


def insert_instance(instance: Model) -> None:
    """Insert a model instance made in memory (``Model(**values)``, with its defaults and
    its primary key) through a statement prepared once per set of columns."""
    model = type(instance)
    data = instance.__data__
    names = tuple(f.name for f in model._meta.sorted_fields if f.name in data)
    insert_rows(model, names, [[data[name] for name in names]])
    instance._dirty.clear()  # type: ignore[attr-defined]


def next_id(model: type[Model]) -> int:
    """One more than the highest primary key (the id a new row of a numbered table takes
    inside the write transaction)."""
    table = model._meta.table_name
    key = _key_column(model)
    found = database.execute_sql(f'SELECT max("{key}") FROM "{table}"').fetchone()[0]
    return int(found or 0) + 1


def tuples(query: Any) -> list[tuple[Any, ...]]:
    """A select's rows as tuples of field values (peewee's ``.tuples()``, typed)."""
    return list(query.tuples())
