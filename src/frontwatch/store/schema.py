"""The store's tables. A change to them is a new SCHEMA_VERSION and a step in `migrate`."""

from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = 3  # 3: incident_redirects and incident_facets (the workspace's reading tables)

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.String(255), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("language", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("pipeline_version", sa.String(32), nullable=False),
    sa.Column("removed", sa.JSON, nullable=False),
    sa.Column("duplicate_of", sa.String(255), index=True),
    sa.Column("signature", sa.LargeBinary),
    sa.Column("seq", sa.Integer, nullable=False),  # first-seen order, to tell an original from its copies
    sa.Column("updated_at", sa.String(32), nullable=False),
    # Added in schema 2: the version of each analysis stage, the file a name-derived id came from, and
    # whether fusion has taken in the document's current events (cleared when it is saved).
    sa.Column("stage_versions", sa.JSON),
    sa.Column("id_origin", sa.Text),
    sa.Column("fused", sa.Boolean, nullable=False, server_default=sa.true()),
)
# The next document's seq is max(seq) + 1: an index keeps that a lookup rather than a scan of the store
# (new stores; an older store keeps working without it).
sa.Index("ix_documents_seq", documents.c.seq)
# Columns that schema 1 lacked, added in place by the migration.
ADDED_IN_2 = ("stage_versions", "id_origin", "fused")

errors = sa.Table(
    "errors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("doc_id", sa.String(255)),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("last_seen", sa.String(32), nullable=False),
    sa.Column("count", sa.Integer, nullable=False, default=1),
)

place_mentions = sa.Table(
    "place_mentions",
    metadata,
    sa.Column(
        "doc_id", sa.String(255), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("mention", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16)),
    sa.Column("geonameid", sa.BigInteger, index=True),
    sa.Column("admin1", sa.String(16), index=True),
    sa.Column("place", sa.JSON),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(300), primary_key=True),
    sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("actor_side", sa.String(8)),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("admin1", sa.String(16)),
    sa.Column("country", sa.String(8)),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("incident_id", sa.String(64), index=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index("ix_events_block", "type", "country", "admin1"),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("incident_id", sa.String(64), primary_key=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("admin1", sa.String(16)),
    sa.Column("country", sa.String(8)),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index("ix_incidents_block", "type", "country", "admin1"),
)

# Which events an incident holds, kept by document and with no foreign key: when a document is replaced
# its events vanish, and these rows are what tells fusion which incidents to revisit.
incident_members = sa.Table(
    "incident_members",
    metadata,
    sa.Column("event_id", sa.String(300), primary_key=True),
    sa.Column("incident_id", sa.String(64), nullable=False, index=True),
    sa.Column("doc_id", sa.String(255), nullable=False, index=True),
)


# Where an incident id that no longer exists went: its reports now belong to `incident_id`. Permalinks to
# an incident stay valid when incidents merge.
incident_redirects = sa.Table(
    "incident_redirects",
    metadata,
    sa.Column("old_id", sa.String(64), primary_key=True),
    sa.Column("incident_id", sa.String(64), nullable=False, index=True),
    sa.Column("merged_at", sa.String(32), nullable=False),
)

# What readers filter incidents by, one row per incident, kept with the incidents: the list of an
# analyst's query is read from here and its index alone (the incident rows hold these inside JSON).
incident_facets = sa.Table(
    "incident_facets",
    metadata,
    sa.Column("incident_id", sa.String(64), primary_key=True),
    sa.Column("day_start", sa.String(10), nullable=False),  # the incident's own dates; "" when undated
    sa.Column("day_end", sa.String(10), nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("actor_side", sa.String(8)),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("admin1", sa.String(16)),
    sa.Column("country", sa.String(8)),
    sa.Column("place_name", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("n_independent", sa.Integer, nullable=False),
    sa.Column("background", sa.Boolean, nullable=False),  # every report recalls it; none tells it as news
    # keyset order, with background events (include_background) and without them (the default view)
    sa.Index("ix_incident_facets_order", "day_start", "incident_id"),
    sa.Index("ix_incident_facets_news", "background", "day_start", "incident_id"),
)
