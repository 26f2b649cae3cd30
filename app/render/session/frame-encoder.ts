/**
 * Encodes read frames for the worker on a thread of their own (./frame-encode.worker.ts). On a render machine the
 * page's main thread issues the next draw's commands meanwhile and the GPU process rasterises it: packing and
 * deflating a 1080p frame there took about 40 ms of the main thread an image, during which the GL context idled.
 * Where the worker cannot start, frames are encoded on the page as before.
 */
import type { RenderedFrame } from "@/lib/render-contract/render-job";
import { encodeReadFrame, type ReadFrame } from "./encode-frame";
import type { EncodeRequest, EncodeResponse } from "./frame-encode.worker";

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (f: RenderedFrame) => void; reject: (e: Error) => void }>();

function encoder(): Worker | null {
  if (worker || workerFailed || typeof Worker === "undefined") return worker;
  worker = new Worker(new URL("./frame-encode.worker.ts", import.meta.url), { name: "plinth-frame-encode" });
  worker.onmessage = ({ data }: MessageEvent<EncodeResponse>) => {
    const request = waiting.get(data.id);
    waiting.delete(data.id);
    if (!request) return;
    if (data.ok) request.resolve(data.frame);
    else request.reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    // The script failed to load or threw outside a request: later frames are encoded on the page. Those it held
    // were handed over (transferred), so they fail and their jobs are retried.
    event.preventDefault();
    workerFailed = true;
    worker?.terminate();
    worker = null;
    for (const [id, request] of waiting) {
      waiting.delete(id);
      request.reject(new Error(`The frame encoder stopped: ${event.message || "its script did not run"}`));
    }
  };
  return worker;
}

/**
 * The frame in the contract's format, encoded off the main thread when a worker runs. The pixels are handed to
 * the worker (transferred), so the caller must not touch them afterwards.
 */
export function encodeFrameOffThread(frame: ReadFrame): Promise<RenderedFrame> {
  const target = encoder();
  if (!target) return encodeReadFrame(frame);
  return new Promise<RenderedFrame>((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    target.postMessage({ id, frame } satisfies EncodeRequest, [frame.pixels.buffer]);
  });
}
