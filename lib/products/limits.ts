import { env } from "@/lib/env";

export type UploadLimits = {
  /** Largest request body / upload, in bytes. */
  maxBytes: number;
  /** Largest total uncompressed size of a .zip's entries (zip bombs stop here). */
  maxUnzippedBytes: number;
  /** Most entries in a .zip. */
  maxZipEntries: number;
};

export function uploadLimits(): UploadLimits {
  const maxBytes = Math.round(env().PRODUCT_MAX_MB * 1024 * 1024);
  return { maxBytes, maxUnzippedBytes: maxBytes * 3, maxZipEntries: 1000 };
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
