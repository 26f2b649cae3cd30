import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBodyBytes, readJsonBody } from "./read-body";

/** A POST whose body is produced on demand, 16 KB at a time, counting what the server pulled. */
function endlessPost(headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const init = { method: "POST", body, headers, duplex: "half" };
  const request = new Request("http://localhost/api/signup", init as RequestInit);
  return { request, pulled };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const json = (body: string, type = "application/json") =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": type } });

describe("readBodyBytes", () => {
  it("stops pulling an endless body just past the cap and answers 413", async () => {
    const { request, pulled } = endlessPost({ "content-type": "application/json" });
    const err = await failure(readBodyBytes(request, 64 * 1024));
    expect(err.status).toBe(413);
    expect(err.message).toMatch(/larger than 64 KB/);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024 + 3 * 16 * 1024);
  });

  it("refuses a declared Content-Length over the cap before reading a byte", async () => {
    const sixtyMb = String(60 * 1024 * 1024);
    const { request, pulled } = endlessPost({ "content-type": "application/json", "content-length": sixtyMb });
    const before = pulled.bytes;
    const err = await failure(readBodyBytes(request, 64 * 1024));
    expect(err.status).toBe(413);
    // A ReadableStream pulls once to fill its queue when created; reading never pulled more.
    expect(pulled.bytes).toBe(before);
  });

  it("returns a body under the cap whole", async () => {
    const bytes = await readBodyBytes(json("x".repeat(70_000)), 1024 * 1024);
    expect(bytes.byteLength).toBe(70_000);
  });
});

describe("readJsonBody", () => {
  it("parses application/json, with or without a charset", async () => {
    expect(await readJsonBody(json('{"a":1}'), 1024)).toEqual({ a: 1 });
    expect(await readJsonBody(json('{"a":1}', "application/json; charset=utf-8"), 1024)).toEqual({ a: 1 });
  });

  it("answers 415 for JSON sent as a form or text, the shapes a cross-site form can post", async () => {
    const types = [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "text/json",
    ];
    for (const type of types) {
      expect((await failure(readJsonBody(json('{"a":1}', type), 1024))).status, type).toBe(415);
    }
    const untyped = new Request("http://localhost/api/x", {
      method: "POST",
      body: new TextEncoder().encode('{"a":1}'),
    });
    expect((await failure(readJsonBody(untyped, 1024))).status).toBe(415);
  });

  it("reads no body as the empty value and bad JSON as 400", async () => {
    expect(await readJsonBody(new Request("http://localhost/api/x", { method: "DELETE" }), 1024)).toEqual({});
    expect((await failure(readJsonBody(json("{nope"), 1024))).status).toBe(400);
  });
});

describe("a body the client abandons", () => {
  it("is a 400 the caller can map quietly, not an unexpected error", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"document":'));
        } else controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const request = new Request("http://localhost/api/scenes/x", {
      method: "PUT",
      body,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    const error = await readJsonBody(request, 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
  });
});
