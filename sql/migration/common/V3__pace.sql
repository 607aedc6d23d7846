-- Pacing (issue 7). Portable SQL: the same file runs on H2 and PostgreSQL.

-- The pace the job learned from the service, per catalog: the next launch starts from it (never
-- above its --rate).
create table pace (
    catalog          varchar(16)   not null primary key,
    calls_per_second double precision not null,
    learned_at       timestamp with time zone not null
);

-- Every CreateResourceSnapshot call, counted per minute and per launch (run, rerun-failed), so that
-- --quota-24h can count the calls of the last 24 hours whatever run or command made them. A launch
-- writes only its own rows; a million-row night is at most 1,440 rows per launch. Rows older than
-- 48 hours are deleted by the next launch.
create table call_log (
    minute_start     timestamp with time zone not null,
    launch_id        varchar(36)   not null,
    calls            integer       not null,
    constraint call_log_pk primary key (minute_start, launch_id)
);

-- How the run's pace ended, for summary.csv (rate_ceiling, rate_end, pace_limited_by).
alter table snapshot_run add column rate_ceiling double precision;
alter table snapshot_run add column rate_end double precision;
alter table snapshot_run add column pace_limited_by varchar(16);
