/**
 * Starts fetching and decoding a scene's HDRI in a worker (./environment-decode.worker.ts) as soon as a page knows
 * which one it needs: the editor asks when it mounts, before three.js and the scene's code have arrived, so the
 * half-second decode is done by the time the scene wants the map (./environment-loader.ts takes the result).
 * Imports nothing of three.js itself, so pages can call it without loading it.
 */
import type { EnvironmentId } from "@/lib/scene";
import type { EnvironmentData } from "./environment-data";
import type { DecodeRequest, DecodeResponse } from "./environment-decode.worker";

export function environmentUrl(id: EnvironmentId): string {
  return `/environments/${id}.exr`;
}

let worker: Worker | null = null;
/** Set when the worker's script could not run: maps then decode on the page. */
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, { url: string; resolve: (map: EnvironmentData) => void; reject: (e: Error) => void }>();
/** One decode per file and page; a failed one is forgotten, so the next request tries again. */
const decoded = new Map<string, Promise<EnvironmentData>>();

function decoder(): Worker | null {
  if (worker || workerFailed || typeof Worker === "undefined") return worker;
  worker = new Worker(new URL("./environment-decode.worker.ts", import.meta.url), { name: "plinth-environment" });
  worker.onmessage = ({ data }: MessageEvent<DecodeResponse>) => {
    const request = pending.get(data.id);
    pending.delete(data.id);
    if (!request) return;
    if (data.ok) request.resolve(data.map);
    else request.reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    // The script failed to load or threw outside a request: decode what is waiting on the page instead.
    event.preventDefault();
    workerFailed = true;
    worker?.terminate();
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      decodeOnPage(request.url).then(request.resolve, request.reject);
    }
  };
  return worker;
}

async function decodeOnPage(url: string): Promise<EnvironmentData> {
  const [response, { decodeEnvironment }] = await Promise.all([fetch(url), import("./environment-data")]);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return decodeEnvironment(await response.arrayBuffer());
}

/** The decoded, white-balanced map at `url` (decoded once per page). */
export function decodeEnvironmentFile(url: string): Promise<EnvironmentData> {
  const absolute = new URL(url, location.href).href;
  let map = decoded.get(absolute);
  if (!map) {
    const target = decoder();
    map = target
      ? new Promise<EnvironmentData>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { url: absolute, resolve, reject });
          target.postMessage({ id, url: absolute } satisfies DecodeRequest);
        })
      : decodeOnPage(absolute);
    map.catch(() => decoded.delete(absolute));
    decoded.set(absolute, map);
  }
  return map;
}

export function prefetchEnvironment(id: EnvironmentId): void {
  decodeEnvironmentFile(environmentUrl(id)).catch(() => {}); // the scene's own request reports a failure
}
