import { describe, expect, it } from "vitest";
import { verifySignIn } from "@/lib/auth/sign-in";
import { pruneSignInFailures } from "@/lib/db/queries/sign-in-failures";
import { env } from "@/lib/env";
import { db, seedOwner } from "./helpers";

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const a = await seedOwner("signin");
    expect((await verifySignIn(db(), a.email, a.password, "10.0.0.1")).ok).toBe(true);
    expect(await verifySignIn(db(), a.email, "wrong-password", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email after N failures from one address, even with the right password, without locking other emails", async () => {
    const limit = env().SIGNIN_MAX_FAILURES_PER_EMAIL;
    const target = await seedOwner("target");
    const bystander = await seedOwner("bystander");
    for (let i = 0; i < limit; i++) {
      expect((await verifySignIn(db(), target.email, `guess-${i}`, "10.0.0.2")).ok).toBe(false);
    }
    expect(await verifySignIn(db(), target.email, target.password, "10.0.0.2")).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // Another account from the same address still signs in: the limit is per email.
    expect((await verifySignIn(db(), bystander.email, bystander.password, "10.0.0.2")).ok).toBe(true);
  });

  it("an attacker's failures from one address do not lock the owner out on another", async () => {
    const limit = env().SIGNIN_MAX_FAILURES_PER_EMAIL;
    const owner = await seedOwner("lockout");
    for (let i = 0; i < limit + 3; i++) await verifySignIn(db(), owner.email, `guess-${i}`, "203.0.113.66");
    expect((await verifySignIn(db(), owner.email, owner.password, "203.0.113.66")).ok).toBe(false);
    expect((await verifySignIn(db(), owner.email, owner.password, "198.51.100.20")).ok).toBe(true);
  });

  it("checks at most the limit of 12 parallel wrong passwords: the rest are refused before any check", async () => {
    const limit = env().SIGNIN_MAX_FAILURES_PER_EMAIL;
    const target = await seedOwner("parallel");
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => verifySignIn(db(), target.email, `parallel-guess-${i}`, "10.7.7.7")),
    );
    const checked = outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
    const refused = outcomes.filter((o) => !o.ok && o.reason === "rate_limited").length;
    expect(checked).toBe(limit);
    expect(refused).toBe(12 - limit);
  });

  it("stops an address that sprays many emails", async () => {
    const limit = env().SIGNIN_MAX_FAILURES_PER_IP;
    const victim = await seedOwner("ipvictim");
    for (let i = 0; i < limit; i++) await verifySignIn(db(), `nobody-${i}@example.com`, "x", "10.9.9.9");
    expect(await verifySignIn(db(), victim.email, victim.password, "10.9.9.9")).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect((await verifySignIn(db(), victim.email, victim.password, "10.9.9.10")).ok).toBe(true);
  });

  it("prunes failures older than a given time (for the worker's sweep)", async () => {
    const owner = await seedOwner("prune");
    await verifySignIn(db(), owner.email, "wrong", "10.5.5.5");
    expect(await pruneSignInFailures(db(), new Date(Date.now() - 60_000))).toBeGreaterThanOrEqual(0);
    expect(await pruneSignInFailures(db(), new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
  });
});
