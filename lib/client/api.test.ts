import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, errorResponse } from "@/lib/errors";
import { api, ApiRequestError, errorText, fetchJson } from "./api";

/** A real HTTP server answering the way our routes do (lib/errors.ts errorResponse), plus a proxy's HTML page. */
let base = "";
const server = http.createServer(async (req, res) => {
  const send = async (response: Response) => {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  if (req.url === "/ok") return send(Response.json({ id: "scn_1", method: req.method }, { status: 201 }));
  if (req.url === "/fields") {
    return send(
      errorResponse(new AppError("unprocessable", "Some fields need attention.", { productId: "Pick a product." })),
    );
  }
  if (req.url === "/forbidden") return send(errorResponse(new AppError("forbidden", "Viewers cannot export.")));
  res.writeHead(502, { "content-type": "text/html" });
  res.end("<html>Bad gateway</html>");
});

const browserFetch = globalThis.fetch;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // In the browser a path resolves against the page's origin; here that origin is the test server,
  // and "/down" a server that is not there (port 1 on loopback: nothing listens).
  const origin = (path: string) => (path === "/down" ? "http://127.0.0.1:1" : base);
  globalThis.fetch = (input, init) =>
    browserFetch(typeof input === "string" && input.startsWith("/") ? `${origin(input)}${input}` : input, init);
});
afterAll(async () => {
  globalThis.fetch = browserFetch;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the API client", () => {
  it("returns the parsed body of a success", async () => {
    const result = await api.post<{ id: string; method: string }>(`/ok`, { productId: "x" });
    expect(result).toEqual({ ok: true, data: { id: "scn_1", method: "POST" } });
  });

  it("reads the server's one error shape: code, message and the fields to show beside inputs", async () => {
    const result = await api.post(`/fields`, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      code: "unprocessable",
      message: "Some fields need attention.",
      fields: { productId: "Pick a product." },
      status: 422,
    });
    expect(errorText(result.error)).toBe("Pick a product.");
    const forbidden = await api.delete(`/forbidden`);
    expect(!forbidden.ok && forbidden.error).toEqual({
      code: "forbidden",
      message: "Viewers cannot export.",
      status: 403,
    });
  });

  it("turns a non-JSON answer or an unreachable server into the same shape with the caller's fallback", async () => {
    const html = await api.get(`/proxy`, { fallback: "Could not delete this export." });
    expect(!html.ok && html.error).toEqual({ code: "unknown", message: "Could not delete this export.", status: 502 });
    const down = await api.get("/down", { fallback: "Stripe could not be reached." });
    expect(!down.ok && down.error).toEqual({ code: "network", message: "Stripe could not be reached.", status: 0 });
  });

  it("calls only this app's own paths", async () => {
    await expect(api.get("https://example.com/api")).rejects.toThrow(/own paths only/);
    await expect(api.get("//example.com/api")).rejects.toThrow(/own paths only/);
  });

  it("throws an ApiRequestError for TanStack Query reads", async () => {
    await expect(fetchJson(`/forbidden`)).rejects.toBeInstanceOf(ApiRequestError);
    await expect(fetchJson(`/forbidden`)).rejects.toThrow("Viewers cannot export.");
    expect(await fetchJson(`/ok`)).toMatchObject({ id: "scn_1", method: "GET" });
  });
});
