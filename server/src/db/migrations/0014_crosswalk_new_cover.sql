-- "The older units a unit replaced, with their weights" is read by every value through the crosswalk
-- (series, and a unit without a value of its own on the map): carrying old_unit_id and weight in the
-- new_unit_id index answers it from the index alone (index-only scan), not the table.
DROP INDEX IF EXISTS "unit_crosswalk_new_idx";--> statement-breakpoint
CREATE INDEX "unit_crosswalk_new_idx" ON "unit_crosswalk" ("new_unit_id") INCLUDE ("old_unit_id", "weight");
