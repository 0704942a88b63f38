-- A status decision records the year it assesses: decisions of January–February are about the previous year.
ALTER TABLE "commune_status_decisions" ADD COLUMN "assessed_year" integer;--> statement-breakpoint
UPDATE "commune_status_decisions" SET "assessed_year" = extract(year from "effective_date")::int - (case when extract(month from "effective_date") <= 2 then 1 else 0 end);--> statement-breakpoint
ALTER TABLE "commune_status_decisions" ALTER COLUMN "assessed_year" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "commune_status_unit_assessed_idx" ON "commune_status_decisions" USING btree ("unit_id","assessed_year","effective_date");--> statement-breakpoint
ALTER TABLE "commune_status_decisions" ADD CONSTRAINT "commune_status_assessed_ck" CHECK ("commune_status_decisions"."assessed_year" between extract(year from "commune_status_decisions"."effective_date")::int - 1 and extract(year from "commune_status_decisions"."effective_date")::int);
--> statement-breakpoint
-- A decision written without its assessed year assesses the year by the January–February rule.
CREATE FUNCTION "commune_status_default_assessed_year"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."assessed_year" IS NULL THEN
    NEW."assessed_year" := extract(year from NEW."effective_date")::int - (CASE WHEN extract(month from NEW."effective_date") <= 2 THEN 1 ELSE 0 END);
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "commune_status_assessed_year_default" BEFORE INSERT ON "commune_status_decisions" FOR EACH ROW EXECUTE FUNCTION "commune_status_default_assessed_year"();
