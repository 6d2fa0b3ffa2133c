"""Creating the schema of a new store and upgrading an older one in place."""

from __future__ import annotations

import sqlalchemy as sa

from frontwatch.store.engine import StoreBase, StoreError
from frontwatch.store.fusion_store import fill_facets
from frontwatch.store.locking import SCHEMA_LOCK_KEY, schema_lock
from frontwatch.store.schema import ADDED_IN_2, SCHEMA_VERSION, documents, meta, metadata


def _too_new(version: object) -> StoreError:
    return StoreError(
        f"the store has schema version {version}, newer than this frontwatch ({SCHEMA_VERSION})"
    )


class Migration(StoreBase):
    def _migrate(self) -> None:
        """Create or upgrade the schema, one process at a time: two runs starting together on a new store
        must not both create its tables. A SQLite store is first opened under the lock too: a new file turns
        to WAL at its first write, and a second process opening it then could be refused at once ("database
        is locked") instead of waiting; a process that waited finds the schema made and writes nothing."""
        path = self._sqlite_path()
        made = path is None or (path.exists() and path.stat().st_size > 0)
        if made and self._schema_is_current():
            return  # an existing store opens without the lock file (read commands need no write access)
        with schema_lock(path):
            if self._schema_is_current():
                return
            self._create_or_upgrade()

    def _create_or_upgrade(self) -> None:
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK_KEY})
            has_documents = sa.inspect(conn).has_table("documents")
            metadata.create_all(conn)
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
            if row is None:
                if has_documents:
                    raise StoreError("the store has documents but no schema version")
                conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif int(row) > SCHEMA_VERSION:
                raise _too_new(row)
            elif int(row) < SCHEMA_VERSION:
                # New tables come from create_all (schema 3's); new columns are added one step per version.
                present = {c["name"] for c in sa.inspect(conn).get_columns("documents")}
                for name in ADDED_IN_2:
                    if name not in present:
                        col = documents.c[name]
                        ddl = f"ALTER TABLE documents ADD COLUMN {name} {col.type.compile(conn.dialect)}"
                        if name == "fused":
                            ddl += " NOT NULL DEFAULT " + ("1" if conn.dialect.name == "sqlite" else "true")
                        conn.execute(sa.text(ddl))
                conn.execute(
                    meta.update().where(meta.c.key == "schema_version").values(value=str(SCHEMA_VERSION))
                )
            fill_facets(conn)

    def _schema_is_current(self) -> bool:
        try:
            with self.engine.connect() as conn:
                if not sa.inspect(conn).has_table("meta"):
                    return False
                row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
        except sa.exc.OperationalError:
            return False
        if row is not None and int(row) > SCHEMA_VERSION:
            raise _too_new(row)
        return row is not None and int(row) == SCHEMA_VERSION

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
        if row is None:
            raise StoreError(f"no frontwatch store in {self.display_url}: it has no schema version")
        return int(row)
