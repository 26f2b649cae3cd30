import { describe, expect, it } from "vitest";
import { describeErrorForLog, redactLogArgs, redactText } from "./redact-error";

/** What drizzle-orm throws for a failed query (drizzle-orm/errors.js), with pg's error as the cause. */
function drizzleError(params: unknown[]) {
  const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    code: "22021",
    severity: "ERROR",
    detail: "Key (email)=(a@b.com)",
  });
  return Object.assign(
    new Error(`Failed query: insert into "users" ("id", "password_hash") values ($1, $2)\nparams: ${params}`),
    { params, cause },
  );
}

const HASH = "$2b$11$OUhMTdNG26WIu72SObiCtOAIZw3zRdt7uU/8ZIw/BeElpu4/nzWsi";

describe("log redaction", () => {
  it("keeps the query and the database's code, drops every parameter value", () => {
    const out = describeErrorForLog(drizzleError(["usr_1", "multi\nline name", HASH]));
    expect(out).toContain('Failed query: insert into "users"');
    expect(out).toContain("params: [redacted]");
    expect(out).toContain("code 22021");
    expect(out).not.toContain(HASH);
    expect(out).not.toContain("line name");
    expect(out).not.toContain("a@b.com"); // pg's detail names key values
    expect(out).toMatch(/\n\s+at /); // stack frames stay
  });

  it("redacts params in text already formatted, up to the stack", () => {
    const text = `Error: Failed query: select 1\nparams: ${HASH},x\n    at run (file.js:1:1)`;
    expect(redactText(text)).toBe("Error: Failed query: select 1\nparams: [redacted]\n    at run (file.js:1:1)");
    expect(redactText("nothing to hide")).toBe("nothing to hide");
  });

  it("makes console arguments safe", () => {
    const [label, err, n] = redactLogArgs(["[x] failed:", drizzleError([HASH]), 3]);
    expect(label).toBe("[x] failed:");
    expect(String(err)).not.toContain(HASH);
    expect(n).toBe(3);
  });
});

describe("console redaction for a whole process", () => {
  it("wraps error and warn once", async () => {
    const { installLogRedaction } = await import("./install-redaction");
    const seen: unknown[][] = [];
    const fake = { error: (...a: unknown[]) => seen.push(a), warn: (...a: unknown[]) => seen.push(a) };
    installLogRedaction(fake);
    installLogRedaction(fake);
    fake.error("⨯", drizzleError([HASH]));
    fake.warn(`params: ${HASH}`);
    expect(JSON.stringify(seen)).not.toContain(HASH);
    expect(seen).toHaveLength(2);
  });
});
