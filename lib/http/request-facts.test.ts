import { describe, expect, it } from "vitest";
import { isHttpsRequest, proxySettings, requestHost } from "./request-facts";

const h = (init: Record<string, string>) => new Headers(init);

describe("isHttpsRequest (HSTS and the Secure cookie flag)", () => {
  it("is true when APP_URL is https, whatever the request says", () => {
    expect(isHttpsRequest(h({}), { trustProxy: false, appUrl: "https://plinth.example" })).toBe(true);
  });

  it("believes X-Forwarded-Proto only behind TRUST_PROXY=1", () => {
    const forwarded = h({ "x-forwarded-proto": "https" });
    expect(isHttpsRequest(forwarded, { trustProxy: true, appUrl: "http://localhost:3000" })).toBe(true);
    expect(isHttpsRequest(h({ "x-forwarded-proto": "https, http" }), { trustProxy: true })).toBe(true);
    // Without a trusted proxy, a client could claim https itself.
    expect(isHttpsRequest(forwarded, { trustProxy: false, appUrl: "http://localhost:3000" })).toBe(false);
    expect(isHttpsRequest(h({ "x-forwarded-proto": "http" }), { trustProxy: true })).toBe(false);
    expect(isHttpsRequest(h({}), { trustProxy: true })).toBe(false);
  });
});

describe("requestHost", () => {
  it("is Host, or the proxy's X-Forwarded-Host when trusted", () => {
    const headers = h({ host: "10.0.0.5:3000", "x-forwarded-host": "Shop.Example, proxy.internal" });
    expect(requestHost(headers, { trustProxy: false })).toBe("10.0.0.5:3000");
    expect(requestHost(headers, { trustProxy: true })).toBe("shop.example");
    expect(requestHost(h({ host: "localhost:3000" }), { trustProxy: true })).toBe("localhost:3000");
  });
});

describe("proxySettings", () => {
  it("trusts forwarded headers for any number of proxies, as the client address does", () => {
    const saved = process.env.TRUST_PROXY;
    try {
      for (const [value, trusted] of [
        ["1", true],
        ["2", true],
        ["true", true],
        ["0", false],
        ["false", false],
        ["", false],
        ["x", false],
      ] as const) {
        process.env.TRUST_PROXY = value;
        expect(proxySettings().trustProxy, `TRUST_PROXY=${value}`).toBe(trusted);
      }
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    }
  });
});
