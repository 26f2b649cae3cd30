import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse, toAppError } from "./errors";

const HASH = "$2b$11$OUhMTdNG26WIu72SObiCtOAIZw3zRdt7uU/8ZIw/BeElpu4/nzWsi";
/** drizzle-orm's DrizzleQueryError shape around a pg DatabaseError. */
const failedQuery = (code: string) =>
  Object.assign(new Error(`Failed query: insert into "users" values ($1, $2)\nparams: usr_1,${HASH}`), {
    params: ["usr_1", HASH],
    cause: Object.assign(new Error("database says no"), { code, severity: "ERROR" }),
  });

afterEach(() => vi.restoreAllMocks());

describe("toAppError", () => {
  it("answers 400, not 500, when Postgres refuses the data itself (NUL, bad escapes, bad numbers)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const code of ["22021", "22P05", "22P02", "22003", "54000"]) {
      const res = errorResponse(failedQuery(code));
      expect(res.status, code).toBe(400);
      expect((await res.json()).error.code).toBe("bad_request");
    }
    expect(JSON.stringify(warn.mock.calls)).not.toContain(HASH);
  });

  it("logs an unexpected database error without the query's values", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const e = toAppError(failedQuery("42P01"));
    expect(e.status).toBe(500);
    const logged = error.mock.calls.map((c) => c.map(String).join(" ")).join("\n");
    expect(logged).toContain("Failed query");
    expect(logged).toContain("code 42P01");
    expect(logged).not.toContain(HASH);
  });

  it("a plain error without a SQLSTATE stays a 500", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toAppError(Object.assign(new Error("x"), { code: "22021" })).status).toBe(500); // no severity: not Postgres
    expect(toAppError(new TypeError("boom")).status).toBe(500);
  });
});
