import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the SQL statements run inside `countQueries(fn)`: how tests and the benchmark
 * prove that a page's query count does not grow with its rows.
 */
const store = new AsyncLocalStorage<{ count: number; statements: string[] }>();

export function recordQuery(statement: string): void {
  const current = store.getStore();
  if (!current) return;
  current.count++;
  current.statements.push(statement);
}

export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const state = { count: 0, statements: [] as string[] };
  const result = await store.run(state, fn);
  return { result, count: state.count, statements: state.statements };
}
