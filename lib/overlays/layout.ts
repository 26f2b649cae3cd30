/**
 * Where a brand overlay lands in an output of W x H pixels: pure math shared by the editor's preview layer and
 * the worker's compositor, so what the editor shows is what the file holds.
 */
import type { Overlay, OverlayAnchor, OverlayPlacement, OutputSpec } from "@/lib/scene";

/** A text line's box is its font size times this (Pango's line height for the bundled faces is 1.2-1.3 em). */
export const TEXT_LINE_HEIGHT = 1.25;

export type Rect = { left: number; top: number; width: number; height: number };

/**
 * Platform UI zones for tall (9:16-ish) outputs, as fractions of the frame height. Reels, TikTok and Stories draw
 * the account row and progress bar at the top and the caption, buttons and reply box at the bottom:
 * - top 14%: Meta's Stories/Reels safe zone keeps "roughly 14% (250 px of 1920) at the top" free of text and logos
 *   (Meta Business Help Center, "Safe zones for Stories and Reels ads");
 * - bottom 20%: TikTok's caption and music bar cover about 380 of 1920 px (TikTok Ads "safe zone" template); Meta
 *   asks more for Reels ads (35%), but that would push a bottom-centre logo into the product, so we keep 20% and
 *   the guide shows it;
 * - sides 6%: the right-hand action rail on TikTok/Reels starts about 6-8% in from the edge at caption height,
 *   already clear of the bottom zone; 6% keeps corner overlays off the rounded screen corners too.
 * Other ratios (feed posts, banners) have no platform chrome: a calm 5% margin of the shorter side all round.
 */
export const TALL_SAFE_AREA = { top: 0.14, bottom: 0.2, side: 0.06 } as const;
export const FEED_MARGIN = 0.05;
/** An output at most this wide for its height counts as tall (9:16 = 0.5625; 4:5 = 0.8 does not). */
const TALL_ASPECT = 0.65;

export function isTallOutput(width: number, height: number): boolean {
  return width / height <= TALL_ASPECT;
}

/** The rectangle overlays stay inside, in output pixels. */
export function safeArea(width: number, height: number): Rect {
  if (isTallOutput(width, height)) {
    const top = Math.round(height * TALL_SAFE_AREA.top);
    const bottom = Math.round(height * TALL_SAFE_AREA.bottom);
    const side = Math.round(width * TALL_SAFE_AREA.side);
    return { left: side, top, width: width - 2 * side, height: height - top - bottom };
  }
  const m = Math.round(Math.min(width, height) * FEED_MARGIN);
  return { left: m, top: m, width: width - 2 * m, height: height - 2 * m };
}

/**
 * An overlay's box: `size` is its height as a fraction of the frame's shorter side, `aspect` its content's width
 * over height (a logo's pixels, a text line as measured). A box too large for the safe area shrinks, keeping its
 * aspect; then it is aligned to the anchor's corner, edge or centre of the safe area. Whole pixels.
 */
export function overlayRect(anchor: OverlayAnchor, size: number, aspect: number, width: number, height: number): Rect {
  const safe = safeArea(width, height);
  let h = size * Math.min(width, height);
  let w = h * aspect;
  const shrink = Math.min(1, safe.width / w, safe.height / h);
  w *= shrink;
  h *= shrink;
  const [row, col] = anchorParts(anchor);
  const x =
    col === "left" ? safe.left : col === "right" ? safe.left + safe.width - w : safe.left + (safe.width - w) / 2;
  const y = row === "top" ? safe.top : row === "bottom" ? safe.top + safe.height - h : safe.top + (safe.height - h) / 2;
  const left = Math.round(x);
  const top = Math.round(y);
  return { left, top, width: Math.max(1, Math.round(x + w) - left), height: Math.max(1, Math.round(y + h) - top) };
}

function anchorParts(anchor: OverlayAnchor): ["top" | "middle" | "bottom", "left" | "center" | "right"] {
  if (anchor === "center") return ["middle", "center"];
  const [row, col] = anchor.split("-") as ["top" | "middle" | "bottom", "left" | "center" | "right"];
  return [row, col];
}

/**
 * The placement an overlay uses in an output of W x H: the entry for the document output of exactly that size,
 * else for one of the same ratio (an export may scale 1080 -> 2160), else "default". Render rows carry only their
 * size, so this is how the worker and the editor agree on which placement applies.
 */
export function placementFor(
  overlay: Overlay,
  outputs: readonly OutputSpec[],
  width: number,
  height: number,
): OverlayPlacement {
  const exact = outputs.find((o) => o.width === width && o.height === height && overlay.placements[o.id]);
  if (exact) return overlay.placements[exact.id];
  const ratio = width / height;
  const same = outputs.find((o) => Math.abs(o.width / o.height - ratio) < 0.01 && overlay.placements[o.id]);
  return same ? overlay.placements[same.id] : overlay.placements.default;
}
