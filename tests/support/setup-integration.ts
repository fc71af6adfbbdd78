import { afterAll, beforeAll } from "vitest";
import { setDbHandleForTests } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "./test-database";

// Each integration test file gets its own fresh database, installed as the app's database.
let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  setDbHandleForTests(database);
});

afterAll(async () => {
  setDbHandleForTests(undefined);
  await database?.drop();
});
