ALTER TABLE "teams" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every accepted change logs activity (db/queries/changes.ts). When the transaction that wrote it
-- commits, its team's data_version goes up once. Deferred to commit: the team row's lock is the
-- transaction's last (no lock-order deadlock with its own writes) and is held only while it
-- commits, and the new version becomes visible together with the data it stands for.
CREATE FUNCTION bump_team_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped text := coalesce(current_setting('cairn.data_version_bumped', true), '');
BEGIN
  IF position(NEW.team_id::text IN bumped) = 0 THEN
    UPDATE teams SET data_version = data_version + 1 WHERE id = NEW.team_id;
    PERFORM set_config('cairn.data_version_bumped', bumped || NEW.team_id::text || ',', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER activity_bumps_team_data_version AFTER INSERT ON activity
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_team_data_version();
