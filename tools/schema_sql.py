"""Print the DDL the models describe, to start a new migration file from.

    python tools/schema_sql.py > desk_app/storage/migrations/000N_name.sql   (then edit)
"""

from peewee import SqliteDatabase

from desk_app.storage.models import MODELS, database

db = SqliteDatabase(":memory:")
database.initialize(db)
db.create_tables(MODELS)
rows = db.execute_sql(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, rowid"
).fetchall()
for (sql,) in rows:
    print(sql + ";")
