/** One interface for every storage backend: a flat key space of immutable-ish blobs. */
export interface StoredObject {
  /** The bytes as a web stream (what a Response body takes). */
  stream: ReadableStream<Uint8Array>;
  size: number;
  contentType?: string;
}

export interface StorageDriver {
  readonly name: "local" | "s3";
  /** Writes the whole object; readers never see a half-written one. */
  put(key: string, data: Uint8Array, contentType?: string): Promise<void>;
  /** Streams a finished local file in as the object (videos: never read whole into memory); same guarantee as put. */
  putFile(key: string, filePath: string, contentType?: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Reads the whole object into memory (small objects only, e.g. a model to re-process). */
  getBytes(key: string): Promise<Uint8Array | null>;
  exists(key: string): Promise<boolean>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (which must end with "/"). */
  deletePrefix(prefix: string): Promise<void>;
  /** Every object whose key starts with `prefix` (ending in "/"), with its size: a workspace export lists its files. */
  list(prefix: string): Promise<{ key: string; size: number }[]>;
}

const KEY_PART = /^[A-Za-z0-9._-]+$/;

/** Keys are slash-separated safe segments: no "..", no absolute paths, nothing a driver could misread. */
export function assertValidKey(key: string): void {
  const parts = key.split("/");
  const last = parts[parts.length - 1];
  const ok = parts.every((p, i) =>
    i === parts.length - 1 && p === "" ? true : KEY_PART.test(p) && p !== "." && p !== "..",
  );
  if (!ok || (last === "" && parts.length < 2)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
