import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, isLoopbackIp, resolveClientIp, trustedProxyHops } from "./client-ip";

describe("client address", () => {
  it("is the socket's peer without a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("203.0.113.7", "127.0.0.1", 0)).toBe("203.0.113.7");
    expect(resolveClientIp(undefined, undefined, 0)).toBe("unknown");
  });

  it("behind one proxy is the rightmost hop (the one our proxy appended), not the client's forged leftmost", () => {
    // The client sent "X-Forwarded-For: 127.0.0.1"; our proxy appended the address it saw.
    expect(resolveClientIp("10.0.0.2", "127.0.0.1, 198.51.100.4", 1)).toBe("198.51.100.4");
    expect(resolveClientIp("10.0.0.2", ["127.0.0.1", "198.51.100.4"], 1)).toBe("198.51.100.4");
  });

  it("behind N proxies skips the N-1 trusted hops from the right", () => {
    expect(resolveClientIp("10.0.0.3", "1.1.1.1, 198.51.100.4, 10.0.0.2", 2)).toBe("198.51.100.4");
    // Fewer hops than proxies: the header is not what our chain writes, so fall back to the socket.
    expect(resolveClientIp("10.0.0.3", "", 2)).toBe("10.0.0.3");
  });

  it("reads TRUST_PROXY as a hop count", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("3")).toBe(3);
    expect(trustedProxyHops("yes")).toBe(0);
  });

  it("counts only loopback addresses as loopback; a missing stamp is not", () => {
    for (const ip of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackIp(ip), ip).toBe(true);
    for (const ip of ["unknown", "", "10.0.0.1", "192.168.1.2", "::ffff:10.0.0.1", "fe80::1", "127.0.0.1.evil.com"]) {
      expect(isLoopbackIp(ip), ip).toBe(false);
    }
  });

  it("the dev outbox's decision: a remote client with DEV_OUTBOX=on forging X-Forwarded-For is still remote", () => {
    // What the start script stamps for a remote client sending a loopback X-Forwarded-For, TRUST_PROXY unset:
    const stamped = resolveClientIp("203.0.113.9", "127.0.0.1", trustedProxyHops(undefined));
    expect(isLoopbackIp(clientIpFromHeaders(new Headers({ "x-plinth-client-ip": stamped })))).toBe(false);
    expect(isLoopbackIp(clientIpFromHeaders(new Headers({ "x-forwarded-for": "127.0.0.1" })))).toBe(false);
    expect(isLoopbackIp(clientIpFromHeaders({ "x-plinth-client-ip": "127.0.0.1" }))).toBe(true);
  });
});
