-- Import jobs survive a restart (issue 6): which instance runs a queued or running job, and when it
-- last said it was alive. At start an instance fails its own unfinished jobs; every instance fails
-- jobs whose instance stopped sending heartbeats (org.videogov.camera.service.ImportRecovery).
alter table camera_import add column instance varchar(200);
alter table camera_import add column heartbeat_at timestamptz;
create index camera_import_unfinished_idx on camera_import (state) where state in ('QUEUED', 'RUNNING');
