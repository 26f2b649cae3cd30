/**
 * A three.js loader (for R3F's useLoader) of the scene's HDRIs that fetches and decodes them in a worker
 * (./environment-decode.worker.ts) and builds the texture exactly as EXRLoader's load does: the same pixels
 * (the same decoder, white-balanced by the same code), filters, orientation and colour space.
 */
import {
  ClampToEdgeWrapping,
  DataTexture,
  LinearFilter,
  Loader,
  type AnyPixelFormat,
  type ColorSpace,
  type TextureDataType,
} from "three";
import { decodeEnvironment, type EnvironmentData } from "./environment-data";
import type { DecodeRequest, DecodeResponse } from "./environment-decode.worker";

let worker: Worker | null = null;
/** Set when the worker's script could not run: maps then decode here. */
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, { url: string; resolve: (map: EnvironmentData) => void; reject: (e: Error) => void }>();

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
    // The script failed to load or threw outside a request: decode what is waiting here instead.
    event.preventDefault();
    workerFailed = true;
    worker?.terminate();
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      decodeHere(request.url).then(request.resolve, request.reject);
    }
  };
  return worker;
}

function decodeHere(url: string): Promise<EnvironmentData> {
  return fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then(decodeEnvironment);
}

/** Fetches and decodes in the worker; where there is none, here. */
function decode(url: string): Promise<EnvironmentData> {
  const absolute = new URL(url, location.href).href;
  const target = decoder();
  if (!target) return decodeHere(absolute);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { url: absolute, resolve, reject });
    target.postMessage({ id, url: absolute } satisfies DecodeRequest);
  });
}

export class EnvironmentLoader extends Loader<DataTexture> {
  load(
    url: string,
    onLoad: (texture: DataTexture) => void,
    _onProgress?: (event: ProgressEvent) => void,
    onError?: (error: unknown) => void,
  ): DataTexture {
    const texture = new DataTexture();
    this.manager.itemStart(url);
    decode(this.manager.resolveURL(url)).then(
      (map) => {
        // What DataTextureLoader.load and EXRLoader.load set for an EXR.
        texture.image = { data: map.data, width: map.width, height: map.height };
        texture.wrapS = ClampToEdgeWrapping;
        texture.wrapT = ClampToEdgeWrapping;
        texture.anisotropy = 1;
        texture.format = map.format as AnyPixelFormat;
        texture.type = map.type as TextureDataType;
        if (map.colorSpace !== undefined) texture.colorSpace = map.colorSpace as ColorSpace;
        texture.minFilter = LinearFilter;
        texture.magFilter = LinearFilter;
        texture.generateMipmaps = false;
        texture.flipY = false;
        texture.needsUpdate = true;
        onLoad(texture);
        this.manager.itemEnd(url);
      },
      (error) => {
        onError?.(error);
        this.manager.itemError(url);
        this.manager.itemEnd(url);
      },
    );
    return texture;
  }
}
