import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, crossSiteRefusal, type OriginFacts } from "./same-origin";

const settings = { trustProxy: false, appUrl: "https://plinth.example" };
const SESSION = "next-auth.session-token=abc; plinth_ws=ws_1";
const facts = (over: Partial<OriginFacts>): OriginFacts => ({
  method: "POST",
  origin: null,
  secFetchSite: null,
  cookie: null,
  host: "plinth.example",
  ...over,
});

describe("crossSiteRefusal", () => {
  it("lets safe methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(crossSiteRefusal(facts({ method, origin: "https://evil.example", cookie: SESSION }), settings)).toBeNull();
    }
  });

  it("accepts an Origin naming the host the client addressed, or APP_URL", () => {
    expect(crossSiteRefusal(facts({ origin: "https://plinth.example", cookie: SESSION }), settings)).toBeNull();
    const local = facts({ origin: "http://localhost:3000", host: "localhost:3000", cookie: SESSION });
    expect(crossSiteRefusal(local, settings)).toBeNull();
    // Behind a proxy without TRUST_PROXY, Host is the internal address: APP_URL still names the app.
    const viaAppUrl = facts({ origin: "HTTPS://PLINTH.EXAMPLE", host: "10.0.0.5:3000", cookie: SESSION });
    expect(crossSiteRefusal(viaAppUrl, settings)).toBeNull();
  });

  it("refuses a foreign, null or malformed Origin on every state-changing method, signed in or not", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const origin of [
        "https://evil.example",
        "https://plinth.example.evil.example",
        "http://localhost:3001",
        "null",
        "x",
      ]) {
        for (const cookie of [SESSION, null]) {
          const refusal = crossSiteRefusal(facts({ method, origin, cookie, host: "localhost:3000" }), settings);
          expect(refusal, `${method} ${origin} ${cookie}`).toMatch(/another site/);
        }
      }
    }
  });

  it("without Origin: Sec-Fetch-Site same-origin passes, any other value is refused", () => {
    expect(crossSiteRefusal(facts({ secFetchSite: "same-origin", cookie: SESSION }), settings)).toBeNull();
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(crossSiteRefusal(facts({ secFetchSite: site, cookie: SESSION }), settings)).toMatch(/another site/);
    }
  });

  it("without Origin or Sec-Fetch-Site: refused only when a session cookie rides along", () => {
    expect(crossSiteRefusal(facts({ cookie: SESSION }), settings)).toMatch(/Origin header/);
    const chunked = facts({ cookie: "__Secure-next-auth.session-token.0=abc" });
    expect(crossSiteRefusal(chunked, settings)).toMatch(/Origin header/);
    // A browserless client (script, test, future API key) with no ambient credentials acts for nobody.
    expect(crossSiteRefusal(facts({ cookie: null }), settings)).toBeNull();
    expect(crossSiteRefusal(facts({ cookie: "plinth_ws=ws_1; next-auth.csrf-token=x" }), settings)).toBeNull();
  });

  it("trusts X-Forwarded-Host only behind TRUST_PROXY=1", () => {
    const proxied = {
      origin: "https://shop.example",
      host: "internal:3000",
      "x-forwarded-host": "shop.example",
      cookie: SESSION,
    };
    const request = (trust: boolean) => () =>
      assertSameOrigin(
        new Request("http://internal:3000/api/scenes", {
          method: "POST",
          headers: proxied,
        }),
        { trustProxy: trust },
      );
    expect(request(true)).not.toThrow();
    expect(request(false)).toThrow(AppError);
    try {
      request(false)();
    } catch (err) {
      expect((err as AppError).status).toBe(403);
    }
  });
});
