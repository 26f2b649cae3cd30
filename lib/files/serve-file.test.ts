import { describe, expect, it } from "vitest";
import { serveFile } from "./serve-file";

const BYTES = Uint8Array.from({ length: 300 }, (_, i) => i % 251);

/** A stored object whose stream arrives in small chunks, as a file or S3 body does. */
function stored(chunk = 64) {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= BYTES.length) return controller.close();
      controller.enqueue(BYTES.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
  return { stream, size: BYTES.length };
}

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/file", { headers });
const body = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe("serveFile", () => {
  it("sends the whole file with its type, length, cache policy and download name", async () => {
    const res = serveFile(stored(), {
      contentType: "image/png",
      cache: "private, max-age=3600",
      fileName: "a.png",
      download: true,
      request: get(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-length")).toBe("300");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="a.png"');
    expect(await body(res)).toEqual(BYTES);
  });

  it("answers a range with 206 and exactly those bytes, across chunk borders", async () => {
    for (const [header, start, end] of [
      ["bytes=60-130", 60, 130],
      ["bytes=250-", 250, 299],
      ["bytes=-10", 290, 299],
      ["bytes=0-0", 0, 0],
    ] as const) {
      const res = serveFile(stored(), { contentType: "video/mp4", cache: "private", request: get({ range: header }) });
      expect(res.status, header).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/300`);
      expect(res.headers.get("content-length")).toBe(String(end - start + 1));
      expect(await body(res)).toEqual(BYTES.slice(start, end + 1));
    }
  });

  it("answers a range past the end with 416 and the real size", async () => {
    const res = serveFile(stored(), {
      contentType: "video/mp4",
      cache: "private",
      request: get({ range: "bytes=300-" }),
    });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */300");
  });

  it("sends the whole file for several ranges, or when If-Range names an older file", async () => {
    const lastModified = new Date("2026-01-02T03:04:05Z");
    const several = serveFile(stored(), {
      contentType: "video/mp4",
      cache: "private",
      request: get({ range: "bytes=0-1,5-6" }),
    });
    expect(several.status).toBe(200);
    expect(await body(several)).toEqual(BYTES);
    const older = get({ range: "bytes=0-9", "if-range": new Date("2025-01-01").toUTCString() });
    const changed = serveFile(stored(), { contentType: "video/mp4", cache: "private", lastModified, request: older });
    expect(changed.status).toBe(200);
    const same = get({ range: "bytes=0-9", "if-range": lastModified.toUTCString() });
    expect(
      serveFile(stored(), { contentType: "video/mp4", cache: "private", lastModified, request: same }).status,
    ).toBe(206);
  });

  it("keeps a non-ASCII download name readable without breaking the header", () => {
    const res = serveFile(stored(), {
      contentType: "model/gltf-binary",
      cache: "private",
      fileName: 'Flacon "été".glb',
      download: true,
    });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Flacon __t__.glb"; filename*=UTF-8''${encodeURIComponent('Flacon "été".glb')}`,
    );
  });
});
