-- The FAILED rows of one night (replace the date), with what rerun-failed will do with each:
-- the same token where the earlier outcome is unknown, a new one where the service created nothing.
select s.line, s.catalog, s.engagement_id, s.resource_id, s.template, s.error_code, s.error_message,
       s.attempts, s.client_token, s.token_generation,
       case when s.error_code in ('ValidationException', 'ResourceNotFoundException', 'AccessDeniedException',
                                  'ConflictException', 'ServiceQuotaExceededException')
            then 'new token' else 'same token' end as rerun_token
from snapshot_row s
join snapshot_run r on r.run_id = s.run_id
where r.run_date = date '2026-11-26'
  and r.generation = (select max(generation) from snapshot_run where run_date = r.run_date)
  and s.outcome = 'FAILED'
order by s.line;
