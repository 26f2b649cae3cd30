/**
 * A read frame in the contract's format (lib/render-contract/render-job.ts: bottom-up rows, premultiplied alpha,
 * packed and deflated, base64). Runs on the page or in ./frame-encode.worker.ts: only web APIs a worker has.
 */
import type { RenderedFrame } from "@/lib/render-contract/render-job";
import { packOpaqueRgb } from "@/lib/render-contract/frame-pixels";

export type ReadFrame = { width: number; height: number; pixels: Uint8Array<ArrayBuffer> };

export async function encodeReadFrame({ width, height, pixels }: ReadFrame): Promise<RenderedFrame> {
  const rgb = packOpaqueRgb(pixels);
  const deflated = new Blob([rgb ?? pixels]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const blob = await new Response(deflated).blob();
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("Could not read the frame"));
    reader.readAsDataURL(blob);
  });
  return { width, height, channels: rgb ? 3 : 4, deflatedBase64: dataUrl.slice(dataUrl.indexOf(",") + 1) };
}
