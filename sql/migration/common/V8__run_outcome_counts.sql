-- Rows by outcome of each run, as its last report counted them. report.html's trend of the last 30
-- runs reads these instead of counting every row of 30 runs again (30 million rows for nights of a
-- million rows); a run without them (reported before this table, or killed before its report) is
-- counted from snapshot_row. Portable SQL: the same file runs on H2 and PostgreSQL.

create table snapshot_run_outcome (
    run_id     bigint      not null references snapshot_run (run_id),
    outcome    varchar(16) not null,
    row_count  bigint      not null,
    constraint snapshot_run_outcome_pk primary key (run_id, outcome)
);
