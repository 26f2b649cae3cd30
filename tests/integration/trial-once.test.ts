import { describe, expect, it } from "vitest";
import { getCreditBalance, getWorkspaceBilling } from "@/lib/db/queries/billing";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { users } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import { db, seedOwner, uniqueEmail } from "./helpers";

describe("the free trial's credits, once per user", () => {
  it("the sign-up workspace gets 30 credits; every later workspace starts at 0 on the trial plan", async () => {
    const o = await seedOwner("trialonce");
    expect(await getCreditBalance(db(), o.workspaceId)).toBe(30);
    const second = await createWorkspace(db(), o.userId, "Another brand");
    const third = await createWorkspace(db(), o.userId, "Yet another brand");
    expect(await getCreditBalance(db(), second.id)).toBe(0);
    expect(await getCreditBalance(db(), third.id)).toBe(0);
    expect((await getWorkspaceBilling(db(), second.id))?.planId).toBe("trial");
  });

  it("a user without a trial workspace who creates five at once gets exactly one trial", async () => {
    // A user who has none of their own yet (invited to other workspaces only).
    const userId = newId("usr");
    await db()
      .insert(users)
      .values({ id: userId, email: uniqueEmail("invited"), name: "Invited", passwordHash: "x" });
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => createWorkspace(db(), userId, `Brand ${i}`)));
    const balances = await Promise.all(created.map((w) => getCreditBalance(db(), w.id)));
    expect(balances.sort((a, b) => b - a)).toEqual([30, 0, 0, 0, 0]);
  });
});
