/** Pixel size of an image, read from its header alone: nothing is decoded. */
export type ImageSize = { width: number; height: number; format: "png" | "jpeg" | "webp" | "ktx2"; layers: number };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KTX2 = [0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (b: Uint8Array, magic: number[], at = 0) =>
  b.length >= at + magic.length && magic.every((m, i) => b[at + i] === m);
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

function png(b: Uint8Array, v: DataView): ImageSize | null {
  // The first chunk must be IHDR: width and height as big-endian uint32.
  if (b.length < 24 || ascii(b, 12, 4) !== "IHDR") return null;
  return { width: v.getUint32(16), height: v.getUint32(20), format: "png", layers: 1 };
}

function jpeg(b: Uint8Array, v: DataView): ImageSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: v.getUint16(i + 5), width: v.getUint16(i + 7), format: "jpeg", layers: 1 };
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data or the end before any frame header
    i += 2 + v.getUint16(i + 2);
  }
  return null;
}

function webp(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 30 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") return null;
  const chunk = ascii(b, 12, 4);
  const u24 = (at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
  if (chunk === "VP8X") return { width: u24(24) + 1, height: u24(27) + 1, format: "webp", layers: 1 };
  if (chunk === "VP8L") {
    if (b[20] !== 0x2f) return null;
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, format: "webp", layers: 1 };
  }
  if (chunk === "VP8 ") {
    // Key frame start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff, format: "webp", layers: 1 };
  }
  return null;
}

function ktx2(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 44) return null;
  const width = v.getUint32(20, true);
  const height = Math.max(1, v.getUint32(24, true));
  const depth = Math.max(1, v.getUint32(28, true));
  const layers = Math.max(1, v.getUint32(32, true)) * Math.max(1, v.getUint32(36, true)) * depth;
  return { width, height, format: "ktx2", layers };
}

/** PNG (IHDR), JPEG (SOFn), WebP (VP8/VP8L/VP8X) or KTX2; null for anything else or a header cut short. */
export function readImageSize(b: Uint8Array): ImageSize | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (startsWith(b, PNG)) return png(b, v);
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b, v);
  if (startsWith(b, KTX2)) return ktx2(b, v);
  return webp(b, v);
}
