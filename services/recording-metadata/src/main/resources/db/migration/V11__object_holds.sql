-- Legal holds carried onto the video objects (Article 5): when a hold is placed, object-storage's HoldObject is
-- called for every object of the segments it covers (and of segments registered into it later), and when it
-- is released, ReleaseObject. object-storage records each case's hold beside the object, refuses to delete a
-- held object on every store, and sets the store's own legal hold where object lock is supported.
-- objects_applied_at: when every covered object was last held (null: not yet, or a segment registered since;
-- service.ObjectHolds applies it again, at once and on videogov.recording.object-hold-every);
-- objects_released_at: when every covered object's hold for this case was released (null while pending).
alter table legal_hold add column objects_applied_at timestamptz;
alter table legal_hold add column objects_released_at timestamptz;
create index legal_hold_objects_pending on legal_hold (placed_at)
    where (released_at is null and objects_applied_at is null) or (released_at is not null and objects_released_at is null);
