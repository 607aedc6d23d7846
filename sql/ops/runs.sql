-- Every run, newest first, with its rows by outcome (PostgreSQL and H2).
select r.run_date, r.generation, r.status, r.started_at, r.finished_at, r.stop_reason,
       count(*)                                             as input_rows,
       sum(case when s.outcome = 'CREATED'   then 1 else 0 end) as created,
       sum(case when s.outcome = 'FAILED'    then 1 else 0 end) as failed,
       sum(case when s.outcome = 'REJECTED'  then 1 else 0 end) as rejected,
       sum(case when s.outcome = 'DUPLICATE' then 1 else 0 end) as duplicates,
       sum(case when s.outcome = 'PENDING'   then 1 else 0 end) as pending,
       sum(s.attempts)                                      as api_calls
from snapshot_run r
left join snapshot_row s on s.run_id = r.run_id
group by r.run_id, r.run_date, r.generation, r.status, r.started_at, r.finished_at, r.stop_reason
order by r.run_date desc, r.generation desc;
