-- The digest used to remember what it mailed in the payload ("digestedAt"); it now has its own
-- column. Carry the old stamps over so an upgrade never mails a notification a second time.
-- Row-level security is forced on notifications and a migration has no team set, so the owner
-- lifts FORCE for this one statement (a superuser bypasses it anyway) and restores it after.
ALTER TABLE "notifications" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
UPDATE "notifications"
SET "emailed_at" = ("payload" ->> 'digestedAt')::timestamptz, "payload" = "payload" - 'digestedAt'
WHERE "payload" ? 'digestedAt';
--> statement-breakpoint
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
