-- The update loop's tenant tables get the same second wall as every other tenant table:
-- row-level security forced (so it binds the tables' owner too) and the app role's grants.
ALTER TABLE "reminder_schedules" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reminder_schedules" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "update_link_uses" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "update_link_uses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "kpi_explanations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "kpi_explanations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "reminder_schedules", "reminder_deliveries", "update_link_uses", "kpi_explanations" TO cairn_app;
