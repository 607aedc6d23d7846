-- Issue 8: the pending-row reader stays index-driven at a million rows. Each partition reads
--   where run_id = ? and outcome = 'PENDING' and mod(line, P) = ? and line > ? order by line limit N
-- With (run_id, outcome) alone, PostgreSQL walks the primary key from the start of the run and
-- filters out every row already sent: 500,000 rows read (310 ms) for each partition's first page of
-- a run resumed half-way. With line in the index the scan starts at the first PENDING row after the
-- page before, in line order, and the same index serves rerun-failed's and verify's pages (FAILED,
-- CREATED) and the counts by outcome. It replaces (run_id, outcome), of which it is a superset.
-- Portable SQL: the same file runs on H2 and PostgreSQL.

create index snapshot_row_outcome_line on snapshot_row (run_id, outcome, line);

-- "if exists": a kill between the two statements on H2 (which commits each) leaves the old index gone.
drop index if exists snapshot_row_outcome;
