import zlib from "node:zlib";

/** One file of a .zip, as its central directory describes it. */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
};

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(v: DataView, at: number): number {
  const n = v.getUint32(at, true) + v.getUint32(at + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(n)) throw new ZipFormatError("size out of range");
  return n;
}

/**
 * Lists a .zip's entries from its central directory alone: nothing is
 * inflated (zip64 and data descriptors are fine; the directory has the true
 * sizes). Names are UTF-8 when the entry says so, else read as Latin-1.
 */
export function listZip(bytes: Uint8Array, maxEntries: number, onTooMany: () => Error): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory");
  let count = v.getUint16(eocd + 10, true);
  let offset = v.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && v.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(v, eocd - 12);
    if (at + 56 > bytes.length || v.getUint32(at, true) !== ZIP64_EOCD) throw new ZipFormatError("bad zip64 directory");
    count = u64(v, at + 32);
    offset = u64(v, at + 48);
  }
  if (count > maxEntries) throw onTooMany();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || v.getUint32(offset, true) !== CENTRAL)
      throw new ZipFormatError("bad central directory");
    const flags = v.getUint16(offset + 8, true);
    const nameLength = v.getUint16(offset + 28, true);
    const extraLength = v.getUint16(offset + 30, true);
    const commentLength = v.getUint16(offset + 32, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes);
    let compressedSize = v.getUint32(offset + 20, true);
    let size = v.getUint32(offset + 24, true);
    let localOffset = v.getUint32(offset + 42, true);
    // Zip64: the real values sit in extra field 0x0001, in this order, for those marked 0xffffffff.
    let extra = offset + 46 + nameLength;
    const extraEnd = Math.min(extra + extraLength, bytes.length);
    while (extra + 4 <= extraEnd) {
      const id = v.getUint16(extra, true);
      const length = v.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let at = extra + 4;
        if (size === MAX32) {
          size = u64(v, at);
          at += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(v, at);
          at += 8;
        }
        if (localOffset === MAX32) localOffset = u64(v, at);
      }
      extra += 4 + length;
    }
    const method = v.getUint16(offset + 10, true);
    entries.push({ name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks one entry, never producing more than the size it declares: zlib
 * stops at that size (a lying header costs no more than an honest one), and
 * an entry that comes out shorter is damaged.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (entry.encrypted) throw new ZipFormatError("encrypted");
  if (at + 30 > bytes.length || v.getUint32(at, true) !== LOCAL) throw new ZipFormatError("bad local header");
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError("entry cut short");
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data.slice();
  else if (entry.method === 8) {
    try {
      out = new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }));
    } catch {
      throw new ZipFormatError("bad deflate data or larger than declared");
    }
  } else throw new ZipFormatError(`compression method ${entry.method}`);
  if (out.byteLength !== entry.size) throw new ZipFormatError("size differs from the directory");
  return out;
}
