-- Published index builds, so a build published on one machine reaches every replica.
-- The newest row is the one served; each replica unpacks it into its own SMABOT_INDEX.
CREATE TABLE IF NOT EXISTS builds (
    name TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    published_at TEXT NOT NULL,
    archive BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS builds_published ON builds (published_at);
