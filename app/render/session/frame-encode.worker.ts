/** Encodes one read frame per message off the page's main thread (./encode-frame.ts); the pixels arrive transferred. */
import type { RenderedFrame } from "@/lib/render-contract/render-job";
import { encodeReadFrame, type ReadFrame } from "./encode-frame";

export type EncodeRequest = { id: number; frame: ReadFrame };
export type EncodeResponse = { id: number; ok: true; frame: RenderedFrame } | { id: number; ok: false; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EncodeRequest>) => void) | null;
  postMessage: (message: EncodeResponse) => void;
};

scope.onmessage = async ({ data: { id, frame } }) => {
  try {
    scope.postMessage({ id, ok: true, frame: await encodeReadFrame(frame) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
