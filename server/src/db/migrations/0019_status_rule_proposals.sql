CREATE TABLE "status_rule_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_set_code" text NOT NULL,
	"base_version" integer NOT NULL,
	"province_code" text NOT NULL,
	"rules" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"accepted_version" integer,
	CONSTRAINT "status_rule_proposals_status_ck" CHECK ("status_rule_proposals"."status" in ('pending', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX "status_rule_proposals_province_idx" ON "status_rule_proposals" USING btree ("province_code","status");