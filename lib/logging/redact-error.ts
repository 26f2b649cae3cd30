/**
 * Errors as they may be written to a log: what went wrong and where, never the
 * values a query carried. drizzle wraps every failed query as "Failed query:
 * <sql>\nparams: <every value>" (a password hash among them at sign-up) and keeps
 * the values on `.params`; Postgres adds `detail` ("Key (email)=(…) already exists").
 * Plain code (no Node or Next imports): the web process, the worker and tests use it.
 */

/**
 * drizzle's "params: a,b,c" tail of a failed-query message: up to the first stack
 * frame or the end (a value may itself hold newlines, so not just one line).
 */
const PARAMS = /(^|\n)([ \t]*params:)[\s\S]*?(?=\n[ \t]+at |$)/g;

export function redactText(text: string): string {
  return text.replace(PARAMS, "$1$2 [redacted]");
}

type ErrorLike = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  stack?: unknown;
  cause?: unknown;
  constraint?: unknown;
  where?: unknown;
};

/**
 * One log-safe description: name, message (params redacted), the Postgres code
 * and constraint when there is one, the stack frames, and the cause chain.
 */
export function describeErrorForLog(err: unknown, depth = 0): string {
  if (typeof err !== "object" || err === null) return redactText(String(err));
  const e = err as ErrorLike;
  const name = typeof e.name === "string" ? e.name : "Error";
  const message = typeof e.message === "string" ? redactText(e.message) : "";
  const facts = [
    typeof e.code === "string" || typeof e.code === "number" ? `code ${e.code}` : "",
    typeof e.constraint === "string" ? `constraint ${e.constraint}` : "",
  ].filter(Boolean);
  const frames =
    typeof e.stack === "string"
      ? e.stack
          .split("\n")
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 12)
      : [];
  const lines = [`${name}: ${message}${facts.length ? ` (${facts.join(", ")})` : ""}`, ...frames];
  if (e.cause !== undefined && depth < 4) lines.push(`  [cause] ${describeErrorForLog(e.cause, depth + 1)}`);
  return lines.join("\n");
}

/** console arguments made log-safe: errors described, strings redacted, the rest as it was. */
export function redactLogArgs(args: unknown[]): unknown[] {
  return args.map((a) => (a instanceof Error ? describeErrorForLog(a) : typeof a === "string" ? redactText(a) : a));
}
