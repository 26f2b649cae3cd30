import { describe, expect, it } from "vitest";
import { isGatedPageRequest, PageGate } from "./page-gate";

describe("PageGate", () => {
  it("lets `limit` in at once and the rest in arrival order as each leaves", async () => {
    const gate = new PageGate(2);
    const order: string[] = [];
    const a = await gate.enter();
    const b = await gate.enter();
    const c = gate.enter().then((leave) => (order.push("c"), leave));
    const d = gate.enter().then((leave) => (order.push("d"), leave));
    await Promise.resolve();
    expect(gate.stats).toEqual({ running: 2, waiting: 2 });
    expect(order).toEqual([]);
    a();
    a(); // a second call of the same exit frees nothing more
    const leaveC = await c;
    expect(order).toEqual(["c"]);
    expect(gate.stats).toEqual({ running: 2, waiting: 1 });
    b();
    const leaveD = await d;
    expect(order).toEqual(["c", "d"]);
    leaveC();
    leaveD();
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });
});

describe("isGatedPageRequest", () => {
  it("gates page renders only: not the API, static files, the render page or server actions", () => {
    expect(isGatedPageRequest("GET", "/products")).toBe(true);
    expect(isGatedPageRequest("GET", "/renders?status=done")).toBe(true);
    expect(isGatedPageRequest("GET", "/")).toBe(true);
    expect(isGatedPageRequest("HEAD", "/templates")).toBe(true);
    expect(isGatedPageRequest("POST", "/api/v1/renders")).toBe(false);
    expect(isGatedPageRequest("GET", "/api/v1/renders")).toBe(false);
    expect(isGatedPageRequest("GET", "/api/render-assets/rnd_x/model.glb")).toBe(false);
    expect(isGatedPageRequest("GET", "/_next/static/chunks/app.js")).toBe(false);
    expect(isGatedPageRequest("GET", "/render/rnd_abc?token=t")).toBe(false);
    expect(isGatedPageRequest("GET", "/favicon.ico")).toBe(false);
    expect(isGatedPageRequest("POST", "/scenes/scn_1")).toBe(false);
  });
});
