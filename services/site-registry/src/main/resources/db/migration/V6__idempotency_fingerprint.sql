-- The SHA-256 of the request that first used a site's Idempotency-Key: a replay of the key with
-- another request is refused (422) instead of being answered with the first result. Null for
-- sites created before it was recorded (their replays are not compared).
-- (V5 is left to the Article 7(8) designation column.)
alter table site add column idempotency_fingerprint varchar(64);
