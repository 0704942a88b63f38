CREATE TABLE "admin_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"province_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"population" integer,
	"area_km2" real,
	"search_name" text NOT NULL,
	"label_point" geometry(Point,4326) NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"geom_low" geometry(MultiPolygon,4326) NOT NULL,
	"geom_mid" geometry(MultiPolygon,4326) NOT NULL,
	CONSTRAINT "admin_units_level_ck" CHECK ("admin_units"."level" in ('province', 'district', 'commune')),
	CONSTRAINT "admin_units_validity_ck" CHECK ("admin_units"."valid_to" is null or "admin_units"."valid_to" > "admin_units"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "commune_status_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text NOT NULL,
	"effective_date" date NOT NULL,
	"deciding_body" text NOT NULL,
	"document_no" text NOT NULL,
	CONSTRAINT "commune_status_ck" CHECK ("commune_status_decisions"."status" in ('khong_ma_tuy', 'co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'))
);
--> statement-breakpoint
CREATE TABLE "dataset_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspots" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"commune_code" text NOT NULL,
	"detected_on" date NOT NULL,
	"eliminated_on" date,
	"reemerged_on" date,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "hotspots_code_unique" UNIQUE("code"),
	CONSTRAINT "hotspots_kind_ck" CHECK ("hotspots"."kind" in ('diem', 'tu_diem')),
	CONSTRAINT "hotspots_dates_ck" CHECK ("hotspots"."eliminated_on" is null or "hotspots"."eliminated_on" >= "hotspots"."detected_on")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"indicator_code" text NOT NULL,
	"period_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_indicator_code_period_id_unit_id_pk" PRIMARY KEY("indicator_code","period_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_vi" text NOT NULL,
	"unit_en" text NOT NULL,
	"area_aggregation" text NOT NULL,
	"time_aggregation" text NOT NULL,
	"numerator_code" text,
	"denominator_code" text,
	"scale" double precision,
	"sensitivity" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicators_area_agg_ck" CHECK ("indicators"."area_aggregation" in ('sum', 'rate', 'max')),
	CONSTRAINT "indicators_time_agg_ck" CHECK ("indicators"."time_aggregation" in ('sum', 'last', 'max', 'rate')),
	CONSTRAINT "indicators_sensitivity_ck" CHECK ("indicators"."sensitivity" in ('public', 'internal', 'police')),
	CONSTRAINT "indicators_rate_ck" CHECK (("indicators"."area_aggregation" = 'rate') = ("indicators"."numerator_code" is not null and "indicators"."denominator_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "periods_kind_ck" CHECK ("periods"."kind" in ('year', 'half', 'quarter', 'month'))
);
--> statement-breakpoint
CREATE TABLE "unit_crosswalk" (
	"old_unit_id" integer NOT NULL,
	"new_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "unit_crosswalk_old_unit_id_new_unit_id_pk" PRIMARY KEY("old_unit_id","new_unit_id"),
	CONSTRAINT "unit_crosswalk_kind_ck" CHECK ("unit_crosswalk"."kind" in ('full', 'partial')),
	CONSTRAINT "unit_crosswalk_weight_ck" CHECK ("unit_crosswalk"."weight" > 0 and "unit_crosswalk"."weight" <= 1)
);
--> statement-breakpoint
ALTER TABLE "commune_status_decisions" ADD CONSTRAINT "commune_status_decisions_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_crosswalk" ADD CONSTRAINT "unit_crosswalk_old_unit_id_admin_units_id_fk" FOREIGN KEY ("old_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_crosswalk" ADD CONSTRAINT "unit_crosswalk_new_unit_id_admin_units_id_fk" FOREIGN KEY ("new_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_units_level_code_from_uq" ON "admin_units" USING btree ("level","code","valid_from");--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("level","parent_code","valid_from");--> statement-breakpoint
CREATE INDEX "admin_units_province_idx" ON "admin_units" USING btree ("level","province_code","valid_from");--> statement-breakpoint
CREATE INDEX "admin_units_geom_gist" ON "admin_units" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "admin_units_geom_low_gist" ON "admin_units" USING gist ("geom_low");--> statement-breakpoint
CREATE INDEX "admin_units_geom_mid_gist" ON "admin_units" USING gist ("geom_mid");--> statement-breakpoint
CREATE UNIQUE INDEX "commune_status_unit_date_uq" ON "commune_status_decisions" USING btree ("unit_id","effective_date");--> statement-breakpoint
CREATE INDEX "hotspots_geom_gist" ON "hotspots" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "hotspots_commune_idx" ON "hotspots" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_crosswalk_new_idx" ON "unit_crosswalk" USING btree ("new_unit_id");