//! `c2c-store`: persistence of partnerships on PostgreSQL and SQLite. Not built yet.
