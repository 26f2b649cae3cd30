import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

/** The longest gap between ticks of a 10 ms interval while `work` runs: how long other requests would wait. */
async function worstLag(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    await work();
    return worst;
  } finally {
    clearInterval(timer);
  }
}

describe("password hashing", () => {
  it("hashes and verifies (bcrypt, so existing hashes stay valid)", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$2[aby]\$11\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
    // A hash made by the old in-process code (bcryptjs, cost 11) still verifies.
    expect(await verifyPassword("x", "$2b$11$iyCMUASIgTc2mA2jcZr3WOKWuGlP3761tsYgJlj6m8zNvWcCcbvDC")).toBe(false);
  });

  it("keeps the event loop responsive while 16 hashes and checks run at once", async () => {
    const hash = await hashPassword("warm-up-password");
    const lag = await worstLag(() =>
      Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          i % 2 ? hashPassword(`password-${i}`) : verifyPassword(`password-${i}`, hash),
        ),
      ),
    );
    // In-process bcryptjs stalled the loop for about 1.4 s here; the bound leaves room for a busy CI machine.
    expect(lag).toBeLessThan(400);
  });
});
