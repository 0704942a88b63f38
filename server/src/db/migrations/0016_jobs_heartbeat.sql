ALTER TABLE "jobs" ADD COLUMN "runner_host" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "runner_pid" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "runner_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;