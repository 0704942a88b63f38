-- The indicator catalogue becomes the administrators' (issue 15): computed indicators carry a formula over
-- other indicators instead of a numerator, a denominator and a scale (today's three rates are rewritten as
-- formulas, e.g. `managed_addicts / population * 1000`); entries gain the level they are reported at,
-- breakdowns whose parts sum to the total, the province that added them (null = national) and a retirement.
ALTER TABLE "indicators" DROP CONSTRAINT "indicators_rate_ck";--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "formula" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "reporting_level" text DEFAULT 'commune' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "disaggregations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
UPDATE "indicators" SET "formula" = "numerator_code" || ' / ' || "denominator_code"
  || coalesce(' * ' || "scale"::text, '')
  WHERE "area_aggregation" = 'rate';--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_formula_ck" CHECK (("indicators"."area_aggregation" = 'rate') = ("indicators"."formula" is not null));--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_reporting_level_ck" CHECK ("indicators"."reporting_level" in ('commune', 'province'));--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "numerator_code";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "denominator_code";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "scale";
