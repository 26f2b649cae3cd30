/**
 * Comment pins are stored as fractions (0-1) of the picture's own width and height, never as screen pixels, so a
 * pin placed on a laptop lands on the same spot of the product on a phone. The picture is drawn "contain"ed in a box
 * (letterboxed), so both directions go through where the picture really lies in that box.
 */
export type Size = { width: number; height: number };
export type Point = { x: number; y: number };

/** Where a `natural`-sized picture lies when drawn "object-fit: contain" in `box`: offset and drawn size. */
export function containedRect(natural: Size, box: Size) {
  const scale = Math.min(box.width / natural.width, box.height / natural.height);
  const width = natural.width * scale;
  const height = natural.height * scale;
  return { left: (box.width - width) / 2, top: (box.height - height) / 2, width, height };
}

/** A click in the box (pixels from its top left) as a pin, or null when it falls on the letterbox outside the picture. */
export function pinFromPoint(point: Point, natural: Size, box: Size): Point | null {
  const r = containedRect(natural, box);
  const x = (point.x - r.left) / r.width;
  const y = (point.y - r.top) / r.height;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return { x: Math.round(x * 1e4) / 1e4, y: Math.round(y * 1e4) / 1e4 };
}

/** Where a pin is drawn in a box of any size (pixels from its top left). */
export function pointFromPin(pin: Point, natural: Size, box: Size): Point {
  const r = containedRect(natural, box);
  return { x: r.left + pin.x * r.width, y: r.top + pin.y * r.height };
}

/** "1:05" for a comment pinned to a video's time. */
export function formatPinTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
