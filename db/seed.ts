import type { Database } from "./client";

export const DEMO_ACCOUNTS: Array<{ email: string; password: string; role: string }> = [];

/** Placeholder replaced by the demo dataset below in the next commit. */
export async function seedDemo(_db: Database, _options: { ifEmpty?: boolean } = {}): Promise<{ teamName: string; teamSlug: string } | null> {
  return null;
}
