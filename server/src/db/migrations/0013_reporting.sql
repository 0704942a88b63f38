-- The reporting cycle (issue 17): report forms and each unit's submission per form and period; approved values
-- reach indicator_values through the values import path. Grants: pcmt_grant_app_role (0010) at the next start.
CREATE TABLE "report_forms" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"period_kind" text NOT NULL,
	"reporting_level" text DEFAULT 'commune' NOT NULL,
	"items" jsonb NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cutoff_day" integer DEFAULT 14 NOT NULL,
	"due_day" integer DEFAULT 18 NOT NULL,
	"filled_by" text DEFAULT 'data_officer' NOT NULL,
	"province_code" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_forms_period_kind_ck" CHECK ("report_forms"."period_kind" in ('month', 'quarter', 'half', 'year')),
	CONSTRAINT "report_forms_level_ck" CHECK ("report_forms"."reporting_level" in ('commune')),
	CONSTRAINT "report_forms_days_ck" CHECK ("report_forms"."cutoff_day" between 1 and 28 and "report_forms"."due_day" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"form_code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"period_id" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"values" jsonb NOT NULL,
	"warning_comment" text,
	"return_comment" text,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "report_submissions_state_ck" CHECK ("report_submissions"."state" in ('draft', 'submitted', 'returned', 'approved', 'reopened'))
);
--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_form_code_report_forms_code_fk" FOREIGN KEY ("form_code") REFERENCES "public"."report_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_form_unit_period_uq" ON "report_submissions" USING btree ("form_code","period_id","unit_id");--> statement-breakpoint
CREATE INDEX "report_submissions_unit_idx" ON "report_submissions" USING btree ("unit_id");