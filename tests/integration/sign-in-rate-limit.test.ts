import { describe, expect, it } from "vitest";
import { verifySignIn } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { db, seedOwner } from "./helpers";

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const a = await seedOwner("signin");
    expect((await verifySignIn(db(), a.email, a.password, "10.0.0.1")).ok).toBe(true);
    expect(await verifySignIn(db(), a.email, "wrong-password", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email after N failures, even with the right password, without locking other emails", async () => {
    const limit = env().SIGNIN_MAX_FAILURES_PER_EMAIL;
    const target = await seedOwner("target");
    const bystander = await seedOwner("bystander");
    for (let i = 0; i < limit; i++) {
      expect((await verifySignIn(db(), target.email, `guess-${i}`, "10.0.0.2")).ok).toBe(false);
    }
    expect(await verifySignIn(db(), target.email, target.password, "10.0.0.2")).toEqual({ ok: false, reason: "rate_limited" });
    // Another account from the same address still signs in: the limit is per email.
    expect((await verifySignIn(db(), bystander.email, bystander.password, "10.0.0.2")).ok).toBe(true);
  });

  it("stops an address that sprays many emails", async () => {
    const limit = env().SIGNIN_MAX_FAILURES_PER_IP;
    const victim = await seedOwner("ipvictim");
    for (let i = 0; i < limit; i++) await verifySignIn(db(), `nobody-${i}@example.com`, "x", "10.9.9.9");
    expect(await verifySignIn(db(), victim.email, victim.password, "10.9.9.9")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await verifySignIn(db(), victim.email, victim.password, "10.9.9.10")).ok).toBe(true);
  });
});
