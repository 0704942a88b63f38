-- The map's hot path reads one indicator for one quarter over many units: with the value in the index
-- the read is an index-only scan (ARCHITECTURE.md measured 7 ms → 1.3 ms nationally).
CREATE INDEX IF NOT EXISTS "indicator_values_covering_idx" ON "indicator_values" ("indicator_code", "period_id", "unit_id") INCLUDE ("value");
