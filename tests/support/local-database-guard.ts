/** Tests create and drop databases: refuse to run them against anything but this machine. */
export function assertLocalDatabase(url: string | undefined): void {
  if (!url) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}). Unset DATABASE_URL or point it at localhost.`);
  }
}
