-- On PostgreSQL the app may connect as its own role (DATABASE_URL), apart from the role that owns the
-- tables and runs the migrations (PCMT_MIGRATION_DATABASE_URL). The owner calls this after every migration
-- run, naming the app's role: it may read and write every table except the audit log, which it may only
-- read and append to. Only the owner of audit_log (or a superuser) can disable its triggers, so the app's
-- role must be neither. Idempotent: tables added by later migrations are granted at the next start.
CREATE OR REPLACE FUNCTION pcmt_grant_app_role(app_role name) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM %I', app_role);
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION pcmt_grant_app_role(name) FROM PUBLIC;
