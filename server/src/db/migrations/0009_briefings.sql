CREATE TABLE "briefings" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provinces" text[] NOT NULL,
	"views" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "briefings_created_at_idx" ON "briefings" USING btree ("created_at");