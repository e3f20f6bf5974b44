"""The program's own SQL, written for SQLite, as PostgreSQL reads it.

The services write some statements by hand (queues, search, the hash chain's check) in
SQLite's dialect with ``?`` placeholders; peewee writes the rest in each database's own. So
every statement a server connection runs passes through ``translate``: placeholders become
``%s`` (and a literal ``%`` becomes ``%%``, as psycopg expects once there are placeholders),
and the few SQLite spellings the program uses are rewritten to their PostgreSQL equivalents.
Text inside quotes is never touched. Translations are cached: the program runs the same
few hundred statements again and again.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: SQLite functions the program uses, and what PostgreSQL calls them (the database also
#: holds ``instr``, two-argument ``min``/``max`` and ``desk_compact``: postgres/functions.sql).
_FUNCTIONS = {
    "json_array": "json_build_array",
    "json_group_array": "json_agg",
    "group_concat": "string_agg",
    "ifnull": "coalesce",
}
_FUNCTION = re.compile(r"\b(" + "|".join(_FUNCTIONS) + r")\s*\(", re.IGNORECASE)
#: ``json_array(…)`` must read back as SQLite's compact text (the hash chain hashes it).
_JSON = {"json_build_array", "json_agg"}

#: The word indexes (FTS5 tables in a file, plain tables here: ``schema``) and their columns.
SEARCH_TABLES = {
    "incident_search": ("title", "description", "notes", "resolution"),
    "incident_open_search": ("title", "description", "notes", "resolution"),
    "knowledge_search": ("symptom", "cause", "resolution"),
}
_MATCH = re.compile(r"\b(" + "|".join(SEARCH_TABLES) + r")\s+MATCH\s+\?"
                    r"(\s+ORDER\s+BY\s+rowid\s+DESC\s+LIMIT\s+\?)?", re.IGNORECASE)
_BM25 = re.compile(r"\bbm25\(\s*(\w+)\s*((?:,\s*[\d.]+\s*)*)\)", re.IGNORECASE)


#: The word indexes ranked by FTS5's own BM25 (``desk_bm25``, functions.sql), which counts
#: the whole index once per query: the knowledge base's. The incidents' index, read at every
#: keystroke of the search box and a hundred thousand rows long, is ranked by the weighted
#: count of the columns that hold every term.
BM25_TABLES = {"knowledge_search"}


def _bm25(found: re.Match[str]) -> str:
    """Lower is better, as bm25's."""
    table = found.group(1).lower()
    weights = [w.strip() for w in found.group(2).split(",") if w.strip()]
    columns = SEARCH_TABLES.get(table, ())
    weights += ["1.0"] * (len(columns) - len(weights))
    if table in BM25_TABLES:
        names = ", ".join(f"'{c}'" for c in columns)
        values = ", ".join(f"{table}.{c}" for c in columns)
        return (f"desk_bm25('{table}', ARRAY[{names}]::text[], ARRAY[{values}]::text[], "
                f"ARRAY[{', '.join(weights[:len(columns)])}]::float8[])")
    terms = " + ".join(f"{w} * desk_hit({table}.{c})" for w, c in zip(weights, columns,
                                                                       strict=False))
    return f"-({terms or '0'})"


def _match(found: re.Match[str]) -> str:
    """The rows the word index's own GIN index finds for the query (``desk_search``,
    functions.sql): exactly desk_match's, without testing every row. "… ORDER BY rowid
    DESC LIMIT ?" (the newest matches) is cut by desk_search itself, so that the statement
    reads no more rows than that (a common word is in a quarter of the incidents)."""
    table = found.group(1).lower()
    names = ", ".join(f"'{c}'" for c in SEARCH_TABLES[table])
    newest = "?" if found.group(2) else "NULL"
    ordered = " ORDER BY rowid DESC" if found.group(2) else ""
    return (f"{table}.rowid IN (SELECT desk_search('{table}', ARRAY[{names}]::text[], ?, "
            f"{newest})){ordered}")


_BARE = re.compile(r"MIN\((\w+\.\w+)\) AS (\w+), (\w+\.\w+)(?=\s+FROM\b)", re.IGNORECASE)
_LIKE = re.compile(r"(?<![\w.])LIKE\b", re.IGNORECASE)
_UNARY = re.compile(r"(?<=[\s(,])\+(?=[A-Za-z_])")
_NOCASE = re.compile(r"((?:\w+\.)?\w+)\s+COLLATE\s+NOCASE\b", re.IGNORECASE)
_CONSTANT = re.compile(r"\b(WHERE|AND|OR|WHEN|ON)\s+(\(\s*[01]\s*\)|[01])"
                       r"(?=\s*(?:$|\)|ORDER\b|AND\b|OR\b|GROUP\b|LIMIT\b|THEN\b|UNION\b))",
                       re.IGNORECASE)
_TRUTH = {"1": "TRUE", "0": "FALSE"}
for _digit in "01":
    _TRUTH[f"({_digit})"] = _TRUTH[_digit]


_PRAGMA_VERSION = re.compile(r"\(\s*SELECT\s+user_version\s+FROM\s+pragma_user_version\s*\)",
                             re.IGNORECASE)
#: SQLite's named parameters (``:a``), as psycopg names them (``%(a)s``); ``::`` is a cast
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
#: an index SQLite is told to read through (``INDEXED BY``): the server's planner chooses
_INDEXED = re.compile(r"\s+(?:INDEXED\s+BY\s+\w+|NOT\s+INDEXED)\b", re.IGNORECASE)
#: ``json_extract(column, '$.key[1]')``: the value at that path, as text (the program casts
#: it where it wants a number, ``CAST(… AS INTEGER)``, which reads the same on both)
_JSON_EXTRACT = re.compile(r"\bjson_extract\(\s*((?:\w+\.)?\w+)\s*,\s*"
                           r"'\$((?:\.\w+|\[\d+\])*)'\s*\)", re.IGNORECASE)


def _json_path(found: re.Match[str]) -> str:
    steps = re.findall(r"\.(\w+)|\[(\d+)\]", found.group(2))
    path = ",".join(key or index for key, index in steps)
    return f"(({found.group(1)})::json #>> '{{{path}}}')"


#: ``user`` is a reserved word on the server (SQLite takes it as the table's name).
_USER = re.compile(r"\b(FROM|JOIN|UPDATE|INTO)\s+user\b", re.IGNORECASE)

#: PRAGMAs read through the server's own means (``database.ServerDatabase``), or no-ops.
PRAGMA_SQL = {
    "user_version": "SELECT COALESCE((SELECT MAX(version) FROM schema_version), 0)",
    "data_version": "SELECT desk_data_version()",
}


def _split(sql: str) -> list[tuple[bool, str]]:
    """The statement as (quoted, text) pieces: string literals and quoted names apart."""
    pieces: list[tuple[bool, str]] = []
    i, start, n = 0, 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in "'\"":
            if start < i:
                pieces.append((False, sql[start:i]))
            j = i + 1
            while j < n:
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:  # a doubled quote inside
                        j += 2
                        continue
                    break
                j += 1
            pieces.append((True, sql[i:j + 1]))
            i = start = j + 1
            continue
        i += 1
    if start < n:
        pieces.append((False, sql[start:]))
    return pieces


def _close_paren(text: str, open_at: int) -> int:
    depth = 0
    for index in range(open_at, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


@lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """``sql`` in PostgreSQL's dialect (see the module's docstring)."""
    stripped = sql.strip()
    if stripped.upper().startswith("PRAGMA"):
        return _pragma(stripped)
    pieces = _split(sql)
    # peewee's own statements for this database already use %s (and may hold a ``?`` of a
    # hand-written fragment): their percent signs are placeholders, not literals
    native = any(not quoted and "%s" in text for quoted, text in pieces)
    out: list[str] = []
    for quoted, text in pieces:
        if quoted:
            out.append(text.replace("%", "%%") if text.startswith("'") and not native
                       else text)
            continue
        if not native:
            text = text.replace("%", "%%")
        # an FTS5 query (segment.match_query) is read through the word index's own index
        # (desk_search, functions.sql); bm25's ranking becomes desk_bm25 or the weighted
        # count of columns that hold every term
        text = _BM25.sub(_bm25, _MATCH.sub(_match, text))
        # SQLite's bare column beside MIN(): the value from the row holding the minimum
        text = _BARE.sub(lambda m: f"MIN({m.group(1)}) AS {m.group(2)}, (array_agg("
                         f"{m.group(3)} ORDER BY {m.group(1)} NULLS LAST))[1] AS "
                         f"{m.group(3).split('.')[-1]}", text)
        # SQLite's LIKE ignores (ASCII) case
        text = _LIKE.sub("ILIKE", text)
        # the schema version as a table-valued PRAGMA (presence rows record it)
        text = _PRAGMA_VERSION.sub("(" + PRAGMA_SQL["user_version"] + ")", text)
        # a unary + kept SQLite's planner off an index: no meaning here
        text = _UNARY.sub("", text)
        # SQLite's case-blind ordering; a bare 1 or 0 where a condition goes
        text = _NOCASE.sub(r"lower(\1)", text)
        text = _CONSTANT.sub(lambda m: f"{m.group(1)} {_TRUTH[m.group(2).strip('()')]}", text)
        text = text.replace("?", "%s")
        text = _NAMED.sub(r"%(\1)s", text)
        text = _INDEXED.sub("", text)
        text = _USER.sub(lambda m: f'{m.group(1)} "user"', text)
        text = re.sub(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", "INSERT INTO", text,
                      flags=re.IGNORECASE)
        text = _FUNCTION.sub(lambda m: _FUNCTIONS[m.group(1).lower()] + "(", text)
        out.append(text)
    result = _boolean_sets("".join(out))
    if re.search(r"\bINSERT\s+OR\s+IGNORE\b", sql, re.IGNORECASE):
        result = result.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    result = _JSON_EXTRACT.sub(_json_path, result)
    return _alias_subqueries(_compact_json(result))


_UPDATE = re.compile(r'^\s*UPDATE\s+"?(\w+)"?\s+SET\s+', re.IGNORECASE)


def _boolean_sets(sql: str) -> str:
    """``UPDATE t SET flag = 1``: a file's 1 and 0 written to a column that is ``BOOLEAN``
    on the server (``booleans.boolean_columns``) become TRUE and FALSE."""
    match = _UPDATE.match(sql)
    if match is None:
        return sql
    from desk_app.storage.postgres.booleans import boolean_columns

    columns = boolean_columns().get(match.group(1))
    if not columns:
        return sql
    head, rest = sql[:match.end()], sql[match.end():]
    where = re.search(r"\bWHERE\b", rest, re.IGNORECASE)
    sets, tail = (rest[:where.start()], rest[where.start():]) if where else (rest, "")
    names = "|".join(re.escape(c) for c in sorted(columns))
    sets = re.sub(rf'(^|,)(\s*"?(?:{names})"?\s*=\s*)([01])(?=\s*(?:,|$))',
                  lambda m: f"{m.group(1)}{m.group(2)}{_TRUTH[m.group(3)]}", sets)
    return head + sets + tail


_SUBQUERY = re.compile(r"\b(FROM|JOIN)\s*\(\s*SELECT\b", re.IGNORECASE)
_ALIAS = re.compile(r"\s*(AS\b|\"|[A-Za-z_]\w*)", re.IGNORECASE)
_NOT_ALIAS = {"where", "group", "order", "limit", "union", "on", "join", "left", "inner",
              "cross", "offset", "having", "except", "intersect", "window", "natural"}


def _alias_subqueries(sql: str) -> str:
    """PostgreSQL (before 16) wants a name for a subquery in FROM; SQLite does not."""
    count = 0
    search_from = 0
    while True:
        match = _SUBQUERY.search(sql, search_from)
        if match is None:
            return sql
        open_at = sql.index("(", match.start())
        end = _close_paren(sql, open_at)
        if end < 0:
            return sql
        after = _ALIAS.match(sql, end + 1)
        word = after.group(1).lower() if after else ""
        if not after or word in _NOT_ALIAS:
            count += 1
            sql = f"{sql[:end + 1]} AS _q{count}{sql[end + 1:]}"
        search_from = open_at + 1


def _compact_json(sql: str) -> str:
    """Wrap every ``json_build_array(…)``/``json_agg(…)`` in ``desk_compact(…)``."""
    for name in _JSON:
        search_from = 0
        while True:
            match = re.compile(rf"(?<!desk_compact\()\b{name}\(").search(sql, search_from)
            if match is None:
                break
            end = _close_paren(sql, match.end() - 1)
            if end < 0:
                break
            sql = f"{sql[:match.start()]}desk_compact({sql[match.start():end + 1]}){sql[end + 1:]}"
            search_from = match.start() + len("desk_compact(")
    return sql


#: SQLite's ``PRAGMA table_info``: (cid, name, type, notnull, default, pk), the types named
#: as the file declares them (the server's own names for the translated ones: ``schema``).
_TABLE_INFO = (
    "SELECT a.attnum - 1, a.attname::text, CASE format_type(a.atttypid, NULL) "
    "WHEN 'bigint' THEN 'INTEGER' WHEN 'integer' THEN 'INTEGER' WHEN 'smallint' THEN "
    "'INTEGER' WHEN 'boolean' THEN 'BOOLEAN' WHEN 'bytea' THEN 'BLOB' WHEN 'real' THEN 'REAL' "
    "WHEN 'double precision' THEN 'REAL' ELSE replace(upper(format_type(a.atttypid, "
    "a.atttypmod)), 'CHARACTER VARYING', 'VARCHAR') END, a.attnotnull::int, "
    "pg_get_expr(d.adbin, d.adrelid), COALESCE(array_position(i.indkey::int2[], a.attnum), 0) "
    "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
    "AND d.adnum = a.attnum LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary "
    "WHERE a.attrelid = to_regclass('\"{table}\"') AND a.attnum > 0 AND NOT a.attisdropped "
    "ORDER BY a.attnum")


def _pragma(sql: str) -> str:
    body = sql[len("PRAGMA"):].strip().rstrip(";").strip()
    name = re.split(r"[\s=(]", body, maxsplit=1)[0].lower()
    if name in PRAGMA_SQL and "=" not in body:
        return PRAGMA_SQL[name]
    if name in ("quick_check", "integrity_check"):
        return "SELECT 'ok'"
    if name == "foreign_key_check":
        return "SELECT * FROM desk_foreign_key_check()"
    if name == "defer_foreign_keys" and "=" in body:
        # the server's foreign keys are DEFERRABLE (schema): checked at commit from here on
        on = body.split("=", 1)[1].strip().lower() in ("on", "1", "true", "yes")
        return f"SET CONSTRAINTS ALL {'DEFERRED' if on else 'IMMEDIATE'}"
    if name == "table_info":
        return _TABLE_INFO.format(table=body[body.find("(") + 1:body.rfind(")")]
                                  .strip().strip("'\"").replace("'", "''"))
    return "SELECT NULL WHERE false"  # SQLite's tuning (cache_size, busy_timeout): none here
