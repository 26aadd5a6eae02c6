-- Who created a zone, as for sites, plans and projects: every entity carries the same audit
-- columns (created_by, created_at, updated_at, version). Null for zones created before it was recorded.
alter table zone add column created_by varchar(200);
