import { Zip, ZipPassThrough } from "fflate";

export type ZipEntry = { name: string; open: () => Promise<ReadableStream<Uint8Array> | null> };

/**
 * A ZIP streamed as it is written: images are already compressed, so entries
 * are stored (no deflate) and a large batch never sits in memory whole.
 */
export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) {
          controller.error(err);
          return;
        }
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        for (const entry of entries) {
          const source = await entry.open();
          if (!source) continue;
          const file = new ZipPassThrough(entry.name);
          zip.add(file);
          const reader = source.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            file.push(value);
          }
          file.push(new Uint8Array(0), true);
        }
        zip.end();
      } catch (err) {
        controller.error(err);
      }
    },
    cancel() {
      zip?.terminate();
    },
  });
}
