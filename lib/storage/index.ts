import path from "node:path";
import { env } from "@/lib/env";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { StorageDriver } from "./types";

export type { StorageDriver, StoredObject } from "./types";

const holder = globalThis as unknown as { __plinthStorage?: StorageDriver };

/** S3 when S3_BUCKET is set, else a local folder under DATA_DIR. */
export function createStorageFromEnv(): StorageDriver {
  const e = env();
  if (e.S3_BUCKET) {
    return new S3Storage({
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      endpoint: e.S3_ENDPOINT,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE === "1",
    });
  }
  return new LocalStorage(e.STORAGE_DIR ?? path.join(e.DATA_DIR, "storage"));
}

export function getStorage(): StorageDriver {
  holder.__plinthStorage ??= createStorageFromEnv();
  return holder.__plinthStorage;
}

/** Tests swap in their own driver (e.g. a temporary folder). */
export function setStorageForTests(driver: StorageDriver | undefined): void {
  holder.__plinthStorage = driver;
}

/** Every key starts with the workspace id, so one workspace's files are one prefix. */
export function productPrefix(workspaceId: string, productId: string): string {
  return `workspaces/${workspaceId}/products/${productId}/`;
}
