-- Nightly sync (issue 10). Portable SQL: the same file runs on H2 and PostgreSQL.
-- Read calls (GetOpportunity, ListOpportunities, GetResourceSnapshot, ListEngagementResourceAssociations) a run
-- made across its launches, for summary.csv's read_calls. Reads are not per row (one ListOpportunities serves 20
-- rows, one listing page up to 1,000 pairs), so they are counted per run. UNCHANGED rows need no new column:
-- outcome is a varchar, and their snapshot_arn/revision are those of the existing latest snapshot.
alter table snapshot_run add column read_calls bigint not null default 0;
