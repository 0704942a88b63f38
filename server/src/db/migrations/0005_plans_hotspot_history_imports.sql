CREATE TABLE "plan_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"definition" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"issuing_body" text NOT NULL,
	"document_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"scope_unit_id" integer,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_period_ck" CHECK ("plans"."period_end" >= "plans"."period_start")
);
--> statement-breakpoint
CREATE TABLE "status_rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"legal_source" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_rule_sets_validity_ck" CHECK ("status_rule_sets"."valid_to" is null or "status_rule_sets"."valid_to" > "status_rule_sets"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "hotspot_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"hotspot_id" integer NOT NULL,
	"action" text NOT NULL,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "hotspot_events_action_ck" CHECK ("hotspot_events"."action" in ('create', 'update', 'eliminate', 'reopen'))
);
--> statement-breakpoint
CREATE TABLE "spatial_weight_sets" (
	"key" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"valid_on" date NOT NULL,
	"method" text NOT NULL,
	"params" jsonb NOT NULL,
	"unit_count" integer NOT NULL,
	"island_unit_ids" jsonb NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"build_ms" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spatial_weights" (
	"set_key" text NOT NULL,
	"unit_id" integer NOT NULL,
	"neighbour_id" integer NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "spatial_weights_set_key_unit_id_neighbour_id_pk" PRIMARY KEY("set_key","unit_id","neighbour_id")
);
--> statement-breakpoint
CREATE TABLE "import_value_changes" (
	"import_id" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"period_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"old_value" double precision,
	"old_source" text,
	"new_value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"target" text NOT NULL,
	"actor" text NOT NULL,
	"status" text DEFAULT 'committed' NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rolled_back_at" timestamp with time zone,
	CONSTRAINT "imports_kind_ck" CHECK ("imports"."kind" in ('values', 'boundaries', 'crosswalk')),
	CONSTRAINT "imports_status_ck" CHECK ("imports"."status" in ('committed', 'rolled_back'))
);
--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_scope_unit_id_admin_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_events" ADD CONSTRAINT "hotspot_events_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spatial_weights" ADD CONSTRAINT "spatial_weights_set_key_spatial_weight_sets_key_fk" FOREIGN KEY ("set_key") REFERENCES "public"."spatial_weight_sets"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spatial_weights" ADD CONSTRAINT "spatial_weights_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spatial_weights" ADD CONSTRAINT "spatial_weights_neighbour_id_admin_units_id_fk" FOREIGN KEY ("neighbour_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_value_changes" ADD CONSTRAINT "import_value_changes_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_plan_code_uq" ON "plan_targets" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_code_uq" ON "plans" USING btree ("code");--> statement-breakpoint
CREATE INDEX "plans_scope_idx" ON "plans" USING btree ("scope_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "status_rule_sets_code_version_uq" ON "status_rule_sets" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "hotspot_events_hotspot_idx" ON "hotspot_events" USING btree ("hotspot_id","occurred_on");--> statement-breakpoint
CREATE INDEX "import_value_changes_import_idx" ON "import_value_changes" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("created_at");