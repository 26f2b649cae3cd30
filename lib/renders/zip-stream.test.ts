import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipStream } from "./zip-stream";

const bytes = (text: string) => new TextEncoder().encode(text);
const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      chunks.forEach((ch) => c.enqueue(bytes(ch)));
      c.close();
    },
  });

describe("zipStream", () => {
  it("streams every entry, in order, readable by a standard unzip", async () => {
    const zip = zipStream([
      { name: "a_1x1_1080x1080.png", open: async () => streamOf("first ", "file") },
      { name: "missing.png", open: async () => null },
      { name: "b_9x16_1080x1920.png", open: async () => streamOf("second") },
    ]);
    const buffer = new Uint8Array(await new Response(zip).arrayBuffer());
    const files = unzipSync(buffer);
    expect(Object.keys(files)).toEqual(["a_1x1_1080x1080.png", "b_9x16_1080x1920.png"]);
    expect(new TextDecoder().decode(files["a_1x1_1080x1080.png"])).toBe("first file");
  });
});
