-- Every snapshot created for one opportunity across nights (replace the id): ARN, revision, token.
select r.run_date, r.generation, s.engagement_id, s.template, s.revision, s.snapshot_arn, s.client_token, s.updated_at
from snapshot_row s
join snapshot_run r on r.run_id = s.run_id
where s.resource_id = 'O4974569' and s.outcome = 'CREATED'
order by r.run_date, s.revision;
