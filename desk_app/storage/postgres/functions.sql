-- The functions a server database needs to run the program's SQL as a file runs it: the
-- ones every SQLite connection of the program registers in Python (desk_search_text,
-- desk_chain, desk_digest: desk_app.storage.segment and .chain) and the few SQLite
-- built-ins the program uses that PostgreSQL spells differently. Statements are separated
-- by a line holding only "-- ;".
CREATE EXTENSION IF NOT EXISTS unaccent
-- ;
-- SQLite's compact JSON text ([1,"a",null]), with booleans as the 1 and 0 a file stores:
-- the hash chain hashes this text, on a file and on a server alike.
CREATE OR REPLACE FUNCTION desk_compact(value json) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '[]' ELSE
        '[' || COALESCE((SELECT string_agg(CASE WHEN json_typeof(e) = 'boolean'
                                                THEN CASE WHEN e::text = 'true' THEN '1' ELSE '0' END
                                                ELSE e::text END, ',' ORDER BY n)
                         FROM json_array_elements(value) WITH ORDINALITY AS t(e, n)), '') || ']'
    END
$$
-- ;
CREATE OR REPLACE FUNCTION desk_chain(prev text, seq bigint, kind text, payload text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(COALESCE(prev, '') || chr(31) || seq::text || chr(31)
                                    || kind || chr(31) || COALESCE(payload, ''), 'UTF8')), 'hex')
$$
-- ;
CREATE OR REPLACE FUNCTION desk_digest(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(COALESCE(value, ''), 'UTF8')), 'hex')
$$
-- ;
-- A random 64-bit number (SQLite's random()): the reference data's generation.
CREATE OR REPLACE FUNCTION desk_random() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT ('x' || md5(random()::text || clock_timestamp()::text))::bit(64)::bigint
$$
-- ;
-- Changes whenever a transaction that wrote anything has begun since (PRAGMA data_version
-- says "another connection committed"; this says "someone may have": a refresh too many,
-- never one too few).
CREATE OR REPLACE FUNCTION desk_data_version() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint
$$
-- ;
CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT strpos(haystack, needle) $$
-- ;
-- SQLite's two-argument min() and max() are scalar (least, greatest), but NULL wins.
CREATE OR REPLACE FUNCTION min(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE LEAST(a, b) END
$$
-- ;
CREATE OR REPLACE FUNCTION max(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE GREATEST(a, b) END
$$
-- ;
-- A boolean column compared with the 1 or 0 the program's SQL writes for a file.
CREATE OR REPLACE FUNCTION desk_bool_eq_int(a boolean, b bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT a = (b <> 0) $$
-- ;
CREATE OR REPLACE FUNCTION desk_bool_ne_int(a boolean, b bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT a <> (b <> 0) $$
-- ;
DO $$ BEGIN
    CREATE OPERATOR = (LEFTARG = boolean, RIGHTARG = bigint, FUNCTION = desk_bool_eq_int);
    CREATE OPERATOR <> (LEFTARG = boolean, RIGHTARG = bigint, FUNCTION = desk_bool_ne_int);
EXCEPTION WHEN duplicate_function THEN NULL;
END $$
-- ;
-- The word index's text (desk_app.storage.segment.index_text): runs of CJK characters as
-- overlapping bigrams, each run ending with its last character alone; the rest as written.
CREATE OR REPLACE FUNCTION desk_search_text(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    piece text;
    parts text[] := '{}';
    i integer;
BEGIN
    IF value IS NULL OR value = '' THEN
        RETURN '';
    END IF;
    FOR piece IN
        SELECT m[1] FROM regexp_matches(normalize(value, NFKC),
            '([぀-ヿ㐀-䶿一-鿿가-힯豈-﫿𠀀-𱍏]+|[^぀-ヿ㐀-䶿一-鿿가-힯豈-﫿𠀀-𱍏]+)', 'g') AS m
    LOOP
        IF piece ~ '^[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿𠀀-𱍏]' THEN
            IF length(piece) = 1 THEN
                parts := parts || piece;
            ELSE
                FOR i IN 1 .. length(piece) - 1 LOOP
                    parts := parts || substr(piece, i, 2);
                END LOOP;
                parts := parts || substr(piece, length(piece), 1);
            END IF;
        ELSE
            piece := regexp_replace(piece, '^\s+|\s+$', '', 'g');
            IF piece <> '' THEN
                parts := parts || piece;
            END IF;
        END IF;
    END LOOP;
    RETURN array_to_string(parts, ' ');
END
$$
-- ;
-- What a file lists in sqlite_schema, for the program's few questions about its own schema
-- ("is there a chain_head table?"): the tables and indexes of this database.
CREATE OR REPLACE VIEW sqlite_schema AS
    SELECT 'table'::text AS type, c.relname::text AS name, c.relname::text AS tbl_name,
           NULL::text AS sql
    FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
    UNION ALL
    SELECT 'index', indexname::text, tablename::text, indexdef FROM pg_indexes
    WHERE schemaname = current_schema()
-- ;
CREATE OR REPLACE VIEW sqlite_master AS SELECT * FROM sqlite_schema
-- ;
-- One FTS5 phrase ("…", doubled quotes inside; * after it for a prefix) as a regular
-- expression over a text: its words in order, starting at a word's start and, without *,
-- ending at a word's end. '' for a phrase of no words. desk_match and desk_bm25 share it,
-- so that what matches and what is counted for the ranking are the same.
CREATE OR REPLACE FUNCTION desk_term_pattern(phrase text, prefix boolean) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN words = '' THEN ''
                ELSE '(?<![[:alnum:]])' || words
                     || CASE WHEN prefix THEN '' ELSE '(?![[:alnum:]])' END END
    FROM (SELECT array_to_string(ARRAY(
              SELECT regexp_replace(t, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g')
              FROM unnest(regexp_split_to_array(replace(phrase, '""', '"'), '\s+')) AS t
              WHERE t <> ''), '\s+') AS words) AS found
$$
-- ;
-- An FTS5 query as the program writes it (desk_app.storage.segment.match_query: "word"*
-- "word" "网络 络中", every term required; knowledge.words.match_any: terms joined by OR;
-- AND between terms) matched against the indexed text: a term starts at a word's start;
-- without * it also ends at a word's end; case and accents are folded (unicode61's
-- remove_diacritics). OR binds loosest, as in FTS5: the text matches when every term of
-- one of the OR-separated groups is in it. The query is kept for the statement's ranking
-- (desk_hit).
CREATE OR REPLACE FUNCTION desk_match(words text, query text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    term text[];
    pattern text;
    holds boolean := true;
BEGIN
    IF query IS NULL OR words IS NULL THEN
        RETURN false;
    END IF;
    PERFORM set_config('desk.query', query, true);
    words := unaccent(words);
    query := unaccent(query);
    FOR term IN SELECT m FROM regexp_matches(query, '"((?:[^"]|"")*)"(\*?)|\m(OR)\M', 'g') AS m
    LOOP
        IF term[3] IS NOT NULL THEN
            IF holds THEN
                RETURN true;  -- every term of the group before this OR is there
            END IF;
            holds := true;
            CONTINUE;
        END IF;
        IF NOT holds THEN
            CONTINUE;  -- this group has failed: on to the next OR
        END IF;
        pattern := desk_term_pattern(term[1], term[2] = '*');
        IF pattern = '' THEN
            CONTINUE;
        END IF;
        IF NOT words ~* pattern THEN
            holds := false;
        END IF;
    END LOOP;
    RETURN holds;
END
$$
-- ;
-- Whether one column holds every term of the query the statement matches on (1 or 0): the
-- ranking's weights (bm25's counterpart) add these up per column. desk_search keeps the
-- query as LIKE patterns its CJK terms must all match (a column's CJK words are whole
-- words between spaces) and one regular expression for the rest (desk_search_condition's
-- ``hit_like`` and ``hit``): a Chinese word costs a LIKE here, not a regular expression.
CREATE OR REPLACE FUNCTION desk_hit(words text) RETURNS integer
LANGUAGE sql VOLATILE AS $$
    SELECT CASE WHEN NULLIF(current_setting('desk.hit_like', true), '') IS NULL THEN 0
                WHEN (' ' || COALESCE(words, '') || ' ')
                         LIKE ALL (current_setting('desk.hit_like')::text[])
                     AND (current_setting('desk.hit') = ''
                          OR unaccent(COALESCE(words, '')) ~* current_setting('desk.hit'))
                THEN 1 ELSE 0 END
$$
-- ;
CREATE OR REPLACE FUNCTION desk_bool_eq_int4(a boolean, b integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT a = (b <> 0) $$
-- ;
CREATE OR REPLACE FUNCTION desk_bool_ne_int4(a boolean, b integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT a <> (b <> 0) $$
-- ;
DO $$ BEGIN
    CREATE OPERATOR = (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = desk_bool_eq_int4);
    CREATE OPERATOR <> (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = desk_bool_ne_int4);
EXCEPTION WHEN duplicate_function THEN NULL;
END $$
-- ;
-- SQLite's sum() and total() over a condition count the rows it holds for (a condition is 1
-- or 0 there): the reports' "how many of these met their target" (sum(elapsed <= target)).
-- sum() of nothing but NULLs is NULL, total() is 0.0, as in SQLite.
CREATE OR REPLACE FUNCTION desk_sum_bool(state bigint, value boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN state ELSE COALESCE(state, 0) + value::int END
$$
-- ;
CREATE OR REPLACE AGGREGATE sum(boolean) (SFUNC = desk_sum_bool, STYPE = bigint)
-- ;
CREATE OR REPLACE FUNCTION desk_total_bool(state double precision, value boolean)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT state + COALESCE(value::int, 0)
$$
-- ;
CREATE OR REPLACE AGGREGATE total(boolean) (SFUNC = desk_total_bool,
                                           STYPE = double precision, INITCOND = '0')
-- ;
CREATE OR REPLACE FUNCTION desk_total_number(state double precision, value double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT state + COALESCE(value, 0)
$$
-- ;
CREATE OR REPLACE AGGREGATE total(double precision) (SFUNC = desk_total_number,
                                                    STYPE = double precision, INITCOND = '0')
-- ;
-- SQLite's PRAGMA foreign_key_check: every row whose foreign key points at no row (the
-- server enforces its foreign keys, but not for writes made with them switched off:
-- session_replication_role = replica, or triggers disabled). Rows as SQLite gives them:
-- table, the row's id, the parent table, the key's number.
CREATE OR REPLACE FUNCTION desk_foreign_key_check()
RETURNS TABLE (child_table text, child_id bigint, parent_table text, key_number integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    fk record;
    joined text;
    present text;
    id_column text;
BEGIN
    FOR fk IN
        SELECT con.conrelid, con.confrelid, con.conkey, con.confkey,
               rel.relname::text AS child, par.relname::text AS parent,
               row_number() OVER (PARTITION BY con.conrelid ORDER BY con.oid) - 1 AS n
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_class par ON par.oid = con.confrelid
        WHERE con.contype = 'f' AND rel.relnamespace = current_schema()::regnamespace
        ORDER BY rel.relname, con.oid
    LOOP
        SELECT string_agg(format('c.%I = p.%I', ca.attname, pa.attname), ' AND '),
               string_agg(format('c.%I IS NOT NULL', ca.attname), ' AND ')
        INTO joined, present
        FROM unnest(fk.conkey, fk.confkey) AS k(child_att, parent_att)
        JOIN pg_attribute ca ON ca.attrelid = fk.conrelid AND ca.attnum = k.child_att
        JOIN pg_attribute pa ON pa.attrelid = fk.confrelid AND pa.attnum = k.parent_att;
        id_column := CASE WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = fk.conrelid
                                       AND a.attname = 'id' AND NOT a.attisdropped)
                          THEN 'c.id::bigint' ELSE 'NULL::bigint' END;
        RETURN QUERY EXECUTE format(
            'SELECT %L::text, %s, %L::text, %s::integer FROM %I c WHERE %s AND NOT EXISTS '
            '(SELECT 1 FROM %I p WHERE %s)',
            fk.child, id_column, fk.parent, fk.n, fk.child, present, fk.parent, joined);
    END LOOP;
END
$$
-- ;
-- Foreign keys made by an earlier program, made deferrable as the schema makes them now
-- (still checked at each statement unless a transaction defers them).
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT con.conname::text AS name, rel.relname::text AS child
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
        WHERE con.contype = 'f' AND NOT con.condeferrable
          AND rel.relnamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE',
                       fk.child, fk.name);
    END LOOP;
END $$
-- ;
-- A table's identity (its "id") continuing after the highest id it holds: rows inserted
-- with their own ids (an imported bundle) leave it behind, where a file's rowid follows.
CREATE OR REPLACE FUNCTION desk_follow_identity(tbl text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    sequence_name text;
    next_id bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(quote_ident(tbl))
                   AND attname = 'id' AND NOT attisdropped) THEN
        RETURN NULL;
    END IF;
    sequence_name := pg_get_serial_sequence(quote_ident(tbl), 'id');
    IF sequence_name IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT COALESCE(max(id), 0) + 1 FROM %I', tbl) INTO next_id;
    PERFORM setval(sequence_name, next_id, false);
    RETURN next_id;
END
$$
-- ;
-- FTS5's bm25() for a word index (lower is better), as SQLite computes it: for each
-- phrase of the query the statement matches on (desk_match keeps it), its IDF over the
-- whole index times its weighted count in this row's columns, damped by the row's length
-- against the average (k1 = 1.2, b = 0.75). The index's statistics are counted once per
-- query and transaction. ``names`` are the index's columns, ``cols`` this row's values.
CREATE OR REPLACE FUNCTION desk_bm25(tbl text, names text[], cols text[], weights float8[])
RETURNS float8 LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    query text := current_setting('desk.query', true);
    stats json;
    term text[];
    pattern text;
    patterns text[] := '{}';
    idf float8[] := '{}';
    n_row float8;
    total float8;
    n_hit float8;
    avgdl float8;
    tokens float8 := 0;
    freq float8;
    score float8 := 0;
    i integer;
    c integer;
    all_columns text;
    sizes text;
BEGIN
    IF query IS NULL OR query = '' THEN
        RETURN 0;
    END IF;
    stats := NULLIF(current_setting('desk.bm25', true), '')::json;
    IF stats IS NULL OR stats->>'table' <> tbl OR stats->>'query' <> query THEN
        FOR term IN SELECT m FROM regexp_matches(unaccent(query), '"((?:[^"]|"")*)"(\*?)', 'g')
                    AS m LOOP
            pattern := desk_term_pattern(term[1], term[2] = '*');
            IF pattern = '' THEN
                CONTINUE;
            END IF;
            patterns := patterns || pattern;
        END LOOP;
        all_columns := array_to_string(ARRAY(SELECT format('%I', n) FROM unnest(names) AS n),
                                       ', ');
        sizes := array_to_string(ARRAY(SELECT format('desk_tokens(%I)', n)
                                       FROM unnest(names) AS n), ' + ');
        EXECUTE format('SELECT count(*)::float8, COALESCE(sum(%s), 0)::float8 FROM %I',
                       sizes, tbl) INTO n_row, total;
        FOR i IN 1 .. COALESCE(array_length(patterns, 1), 0) LOOP
            EXECUTE format('SELECT count(*)::float8 FROM %I WHERE '
                           'unaccent(concat_ws('' '', %s)) ~* %L', tbl, all_columns,
                           patterns[i]) INTO n_hit;
            idf := idf || GREATEST(ln((n_row - n_hit + 0.5) / (n_hit + 0.5)), 1e-6);
        END LOOP;
        stats := json_build_object('table', tbl, 'query', query, 'patterns', patterns,
                                   'idf', idf, 'avgdl',
                                   CASE WHEN n_row > 0 THEN total / n_row ELSE 0 END);
        PERFORM set_config('desk.bm25', stats::text, true);
    END IF;
    patterns := ARRAY(SELECT json_array_elements_text(stats->'patterns'));
    idf := ARRAY(SELECT json_array_elements_text(stats->'idf')::float8);
    avgdl := (stats->>'avgdl')::float8;
    FOR c IN 1 .. array_length(cols, 1) LOOP
        tokens := tokens + desk_tokens(cols[c]);
    END LOOP;
    FOR i IN 1 .. COALESCE(array_length(patterns, 1), 0) LOOP
        freq := 0;
        FOR c IN 1 .. array_length(cols, 1) LOOP
            freq := freq + weights[c] * (SELECT count(*) FROM regexp_matches(
                unaccent(COALESCE(cols[c], '')), patterns[i], 'gi'));
        END LOOP;
        score := score + idf[i] * (freq * 2.2)
                 / (freq + 1.2 * (0.25 + 0.75 * tokens / NULLIF(avgdl, 0)));
    END LOOP;
    RETURN -COALESCE(score, 0);
END
$$
-- ;
-- How many words (unicode61's tokens) a column of a word index holds.
CREATE OR REPLACE FUNCTION desk_tokens(value text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT count(*)::integer FROM regexp_matches(COALESCE(value, ''), '[[:alnum:]]+', 'g')
$$
-- ;
-- The words of a word index's row, each once, as its GIN index (schema.py) keeps them:
-- the row's text with accents folded as desk_match folds them and in lower case, cut at
-- everything that is neither alphanumeric nor CJK. A CJK word (a bigram or a run's closing
-- single: desk_search_text puts spaces around them) is kept as it is, with each of its
-- characters marked "网*" (every character of a run starts one of the run's words); any
-- other word as it is and as each of its first 1 to 12 characters marked "prin*". So a
-- Chinese word, a character typed so far, a whole word and a word's start are each one
-- key of the index. IMMUTABLE for the index (unaccent's rules do not change under a
-- running database); its own search_path, so that a restore (pg_restore runs with an
-- empty one) can build it.
CREATE OR REPLACE FUNCTION desk_search_tokens(cols text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 20000 SET search_path FROM CURRENT AS $$
    SELECT ARRAY(
        SELECT DISTINCT t FROM (
            SELECT w, w ~ '^[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿𠀀-𱍏]' AS cjk
            FROM regexp_split_to_table(lower(unaccent('unaccent'::regdictionary,
                     array_to_string(cols, ' '))), '[^[:alnum:]぀-ヿ㐀-䶿一-鿿가-힯豈-﫿𠀀-𱍏]+') AS w
            WHERE w <> '') AS words,
        LATERAL (SELECT w UNION ALL
                 SELECT CASE WHEN cjk THEN substr(w, k, 1) ELSE left(w, k) END || '*'
                 FROM generate_series(1, CASE WHEN cjk THEN length(w)
                                              ELSE least(length(w), 12) END) AS k) AS x(t))
$$
-- ;
-- An FTS5 query (desk_match's) as a statement reading the rowids of the word index ``tbl``
-- for exactly the rows desk_match holds for (OR between groups, AND within one: a UNION of
-- one statement per group), in a form its GIN index (desk_search_tokens) serves: each
-- term's words are keys of that index.
-- - A term of CJK words (what the program writes for Chinese: "网络", "无法 法连 连接",
--   "网"*) is decided by the index alone, since the index's CJK words are whole words of
--   one or two characters between spaces (so "络中"* is the word 络中); a phrase's order by
--   one LIKE.
-- - A term of one ASCII word (or its start of at most 12 characters) is decided by the
--   index alone too. Any other (a phrase, a longer start, letters beyond ASCII, where
--   lower() and ~* may differ) is narrowed by the index (the word, or its first 12
--   characters and "*") and decided by desk_match's own regular expression
--   (desk_term_pattern), all of a group's in one, over the text desk_match reads; a word
--   that is not all alphanumeric is left to that expression.
-- Also how desk_hit tests one column exactly as desk_match(column, query) would:
-- ``hit_like``, LIKE patterns a column (with a space before and after) must all match, and
-- ``hit``, a regular expression it must match ('' for none). For a query of one group its
-- CJK terms are the patterns and the rest the expression; for several, the whole query is.
CREATE OR REPLACE FUNCTION desk_search_condition(tbl text, names text[], query text,
                                                 OUT statement text, OUT hit_like text[],
                                                 OUT hit text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    cjk constant text := '^[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿𠀀-𱍏]+$';
    columns text := (SELECT string_agg(quote_ident(n), ', ') FROM unnest(names) AS n);
    term text[];
    words text[];
    i integer;
    pattern text;
    tokens text[] := '{}';
    checks text := '';
    rest text := '';
    exact boolean;
    ahead text := '';
    likes text[] := '{}';
    phrases text[] := '{}';
    parts text[];
    groups text[] := '{}';
    hits text[] := '{}';
BEGIN
    hit_like := '{}';
    FOR term IN
        SELECT m FROM regexp_matches(unaccent(query) || ' OR', '"((?:[^"]|"")*)"(\*?)|\m(OR)\M',
                                     'g') AS m
    LOOP
        IF term[3] IS NOT NULL THEN  -- the end of a group
            parts := '{}';
            IF cardinality(tokens) > 0 THEN
                parts := parts || format('desk_search_tokens(ARRAY[%s]) @> %L::text[]',
                                         columns, tokens);
            END IF;
            IF checks <> '' THEN
                parts := parts || format('unaccent(concat_ws('' '', %s)) ~* %L', columns,
                                         '^' || checks);
            END IF;
            parts := parts || ARRAY(SELECT format('('' '' || concat_ws('' '', %s) || '' '') '
                                                  'LIKE %L', columns, p) FROM unnest(phrases) p);
            groups := groups || format('SELECT rowid FROM %I WHERE %s', tbl,
                                       COALESCE(array_to_string(parts, ' AND '), 'TRUE'));
            hits := hits || ('^' || ahead);
            hit_like := likes;
            hit := CASE WHEN rest = '' THEN '' ELSE '^' || rest END;
            tokens := '{}';
            checks := '';
            rest := '';
            ahead := '';
            likes := '{}';
            phrases := '{}';
            CONTINUE;
        END IF;
        pattern := desk_term_pattern(term[1], term[2] = '*');
        IF pattern = '' THEN
            CONTINUE;
        END IF;
        ahead := ahead || '(?=.*' || pattern || ')';  -- "." takes newlines too
        words := ARRAY(SELECT t FROM unnest(regexp_split_to_array(replace(term[1], '""', '"'),
                                                                   '\s+')) AS t WHERE t <> '');
        IF NOT EXISTS (SELECT 1 FROM unnest(words) AS w WHERE w !~ cjk) THEN
            IF term[2] = '*' AND length(words[cardinality(words)]) = 1 THEN
                -- a word starting with this character
                tokens := tokens || words[1:cardinality(words) - 1]
                          || (words[cardinality(words)] || '*');
                likes := likes || ('% ' || array_to_string(words, ' ') || '%');
            ELSE
                tokens := tokens || words;
                likes := likes || ('% ' || array_to_string(words, ' ') || ' %');
            END IF;
            IF cardinality(words) > 1 THEN  -- the words one after another, as written
                phrases := phrases || likes[cardinality(likes)];
            END IF;
            CONTINUE;  -- the index decides the row (with the phrase's order), the LIKE a column
        END IF;
        exact := cardinality(words) = 1;
        FOR i IN 1 .. cardinality(words) LOOP
            IF words[i] ~ '^[[:alnum:]]+$' AND words[i] !~ '[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿𠀀-𱍏]' THEN
                tokens := tokens || CASE WHEN i = cardinality(words) AND term[2] = '*'
                                         THEN left(lower(words[i]), 12) || '*'
                                         ELSE lower(words[i]) END;
            END IF;
            -- an ASCII word's key is exact: unaccent and NFKC leave no letter whose lower
            -- case is ASCII but not its own (İ, K), so lower() and ~* agree on it
            exact := exact AND words[i] ~ '^[A-Za-z0-9]+$'
                     AND (term[2] = '' OR length(words[i]) <= 12);
        END LOOP;
        rest := rest || '(?=.*' || pattern || ')';
        IF NOT exact THEN
            checks := checks || '(?=.*' || pattern || ')';
        END IF;
    END LOOP;
    -- one statement per group: an OR of conditions would test every row the index found
    -- for either side against both (and compute desk_search_tokens for it)
    statement := array_to_string(groups, ' UNION ');
    IF cardinality(groups) > 1 THEN
        hit_like := '{}';
        hit := '(?:' || array_to_string(hits, ')|(?:') || ')';
    END IF;
END
$$
-- ;
-- The rows of the word index ``tbl`` (columns ``names``) that match an FTS5 query, read
-- through the index's own indexes: the server's "tbl MATCH ?" (dialect._match). The
-- statement is planned for these very words (a common Chinese word is a quarter of the
-- index, an asset tag one row). ``newest``: only that many, the newest first (the rows
-- "MATCH ? ORDER BY rowid DESC LIMIT ?" reads; NULL for all). Keeps the query for the
-- ranking (desk_hit, desk_bm25).
CREATE OR REPLACE FUNCTION desk_search(tbl text, names text[], query text, newest bigint)
RETURNS SETOF bigint LANGUAGE plpgsql VOLATILE ROWS 100
SET work_mem = '64MB'  -- a quarter of a million rows' bitmap, exact: no row re-read
SET jit = off  -- desk_search_tokens' cost (it is dear per row) would otherwise start JIT
AS $$
DECLARE
    found record;
BEGIN
    IF query IS NULL THEN
        RETURN;
    END IF;
    found := desk_search_condition(tbl, names, query);
    PERFORM set_config('desk.query', query, true);
    PERFORM set_config('desk.hit_like', found.hit_like::text, true);
    PERFORM set_config('desk.hit', found.hit, true);
    IF newest IS NULL THEN
        RETURN QUERY EXECUTE found.statement;
    ELSE
        -- the matches first, then the newest of them: read in rowid order instead, a
        -- common word's rows would each be tested with desk_search_tokens (seconds)
        RETURN QUERY EXECUTE format('WITH found AS MATERIALIZED (%s) SELECT rowid FROM found '
                                    'ORDER BY rowid DESC LIMIT %s', found.statement, newest);
    END IF;
END
$$
