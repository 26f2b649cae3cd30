const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = [0x5b, 0x7b]; // [ {
const CLOSE = [0x5d, 0x7d]; // ] }

/**
 * True when JSON text nests arrays/objects deeper than `max`. One linear pass
 * over the bytes, no parse and no recursion, so it is safe on any input: the
 * tools that read the model later (gltf-validator, glTF-Transform) recurse,
 * and 200,000 nested "[" overflowed their stack. UTF-8 continuation bytes are
 * all >= 0x80, so they never look like brackets or quotes.
 */
export function jsonNestingExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN[0] || c === OPEN[1]) {
      if (++depth > max) return true;
    } else if (c === CLOSE[0] || c === CLOSE[1]) {
      depth--;
    }
  }
  return false;
}
