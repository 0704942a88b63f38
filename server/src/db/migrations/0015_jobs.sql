CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"owner_user_id" integer,
	"owner_name" text NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"stage" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_state_ck" CHECK ("jobs"."state" in ('running', 'done', 'failed', 'cancelled')),
	CONSTRAINT "jobs_progress_ck" CHECK ("jobs"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "jobs" USING btree ("kind") WHERE "jobs"."state" = 'running';