import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the statements sent to Postgres while a function runs (tests/integration/page-queries.test.ts keeps each
 * page under a fixed budget, so an N+1 cannot come back unnoticed). Counted at the driver: every statement of
 * drizzle, raw SQL and transactions (BEGIN/COMMIT included) goes through a pooled client's `query`.
 * Outside `countQueries` it costs one AsyncLocalStorage lookup per statement.
 */
export type QueryLog = { count: number; statements: string[]; params: unknown[][] };

const current = new AsyncLocalStorage<QueryLog>();

export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: QueryLog }> {
  const queries: QueryLog = { count: 0, statements: [], params: [] };
  const result = await current.run(queries, fn);
  return { result, queries };
}

function statementText(config: unknown): string {
  const text = typeof config === "string" ? config : (config as { text?: string } | null)?.text;
  return (text ?? "?").replace(/\s+/g, " ");
}

function statementParams(config: unknown, values: unknown): unknown[] {
  if (Array.isArray(values)) return values;
  return (config as { values?: unknown[] } | null)?.values ?? [];
}

/** Wraps a new pooled client's `query` once (the pool's "connect" event), so every statement is seen. */
export function countClientQueries(client: { query: unknown }): void {
  const query = client.query as (...args: unknown[]) => unknown;
  client.query = function countedQuery(this: unknown, ...args: unknown[]) {
    const log = current.getStore();
    if (log) {
      log.count++;
      log.statements.push(statementText(args[0]));
      log.params.push(statementParams(args[0], args[1]));
    }
    return query.apply(this, args);
  };
}
