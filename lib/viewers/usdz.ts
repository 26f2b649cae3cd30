/** The USDZ's file name beside the GLB, and its media type (what Quick Look asks for). */
export const USDZ_FILE = "model.usdz";
export const USDZ_CONTENT_TYPE = "model/vnd.usdz+zip";

/**
 * The name of a ZIP's first entry (its first local file header), or null when the bytes are not a ZIP. A USDZ is
 * an uncompressed ZIP whose first file is the scene (.usda or .usdc): Quick Look reads that one first.
 */
export function firstZipEntryName(bytes: Uint8Array): string | null {
  if (bytes.byteLength < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x04034b50) return null;
  const nameLength = view.getUint16(26, true);
  if (30 + nameLength > bytes.byteLength) return null;
  return new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
}

/** A USDZ as Quick Look opens it: a ZIP whose first entry is a USD scene. */
export function isUsdz(bytes: Uint8Array): boolean {
  const first = firstZipEntryName(bytes);
  return first !== null && /\.usd[ac]$/.test(first);
}
