-- Generations of the data that server processes cache (tiles, reference tables, sessions, public answers):
-- every write of a kind bumps its row in the write's own transaction; each process reads this small table
-- at most every 250 ms and drops the caches filled at an older generation (server/src/lib/data-generations.ts).
-- The app role gets read and write on it through pcmt_grant_app_role (migration 0010), run at every start.
CREATE TABLE "data_generations" (
	"kind" text PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
