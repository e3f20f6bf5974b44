"""A server database made by an earlier program gets this program's functions when it is
opened (functions.sql: the SQLite built-ins the program's SQL uses, spelled for the server)."""

from __future__ import annotations

from desk_app.storage.opening import open_store
from desk_app.storage.postgres.opening import refresh_functions
from desk_app.storage.postgres.schema import FUNCTIONS_MARK


def test_an_older_programs_database_gets_the_new_functions_when_opened(server_url: str) -> None:
    store = open_store(server_url, create=True)
    assert store.read(lambda: store.execute(
        "SELECT sum(x > 1), total(x > 1), total(x) FROM (VALUES (1), (2), (3)) AS v(x)")) == [
        (2, 2.0, 6.0)]
    assert not refresh_functions(store)  # made by this program: nothing to do

    def older() -> None:
        store.db.cursor().execute("DROP AGGREGATE total(boolean)")
        store.db.cursor().execute(f"COMMENT ON FUNCTION {FUNCTIONS_MARK} IS 'older'")

    store.write(older)
    store.close()
    store = open_store(server_url)
    try:
        assert store.read(lambda: store.execute(
            "SELECT total(x > 1) FROM (VALUES (1), (2), (3)) AS v(x)")) == [(2.0,)]
        assert not refresh_functions(store)
    finally:
        store.close()
