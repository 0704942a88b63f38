-- The map's hot read takes one indicator for one quarter over many units: carrying `value` in the primary
-- key's index makes it an index-only scan (ARCHITECTURE.md measured 7 ms → 1.3 ms nationally) without a
-- second index of the same columns to build and maintain.
ALTER TABLE "indicator_values" DROP CONSTRAINT "indicator_values_indicator_code_period_id_unit_id_pk";--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_code_period_id_unit_id_pk" PRIMARY KEY ("indicator_code", "period_id", "unit_id") INCLUDE ("value");
