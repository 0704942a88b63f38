CREATE TABLE "patrol_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"shift_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"request" jsonb NOT NULL,
	"plan" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "patrol_plans_date_idx" ON "patrol_plans" USING btree ("shift_date");