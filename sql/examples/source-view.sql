-- An example source for `run --source-sql`: a view over a CRM replica that returns the same columns
-- as the CSV input (engagement_id, opportunity_id, optional catalog and template). Rows come in the
-- view's order; the report's `line` is the position in this result, from 1, so give it an ORDER BY.
create view snapshot_batch_pairs as
select e.engagement_identifier           as engagement_id,
       o.partner_central_opportunity_id  as opportunity_id,
       case when o.is_sandbox then 'Sandbox' else 'AWS' end as catalog,
       'OpportunitySummaryView'          as template
from crm.opportunity o
join crm.engagement e on e.opportunity_id = o.id
where o.stage in ('Qualified', 'Technical Validation', 'Business Validation', 'Committed')
  and o.updated_at >= current_date - interval '1 day';

-- Then, nightly:
--   java -jar snapshot-batch.jar run --source-sql "select * from snapshot_batch_pairs order by opportunity_id" \
--        --source-db jdbc:postgresql://crm-replica:5432/crm --db jdbc:postgresql://db:5432/snapshots
