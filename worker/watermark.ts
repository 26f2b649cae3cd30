import sharp from "sharp";
import type { Frame } from "./frame";

/**
 * The free trial's watermark: "Made with Plinth" with the logo mark, bottom
 * right, small but readable. White with a soft dark shadow so it reads on
 * light and dark backgrounds alike; sized from the output (height ≈ 2.5% of
 * the short side, margin ≈ 2%). Drawn as an SVG with a generic sans-serif
 * font (nothing is fetched) and composited with sharp.
 */
export const WATERMARK_TEXT = "Made with Plinth";

export type WatermarkLayout = { left: number; top: number; width: number; height: number; svg: Buffer };

const MIN_HEIGHT = 12;

export function watermarkLayout(imageWidth: number, imageHeight: number): WatermarkLayout | null {
  const short = Math.min(imageWidth, imageHeight);
  const markHeight = Math.max(MIN_HEIGHT, Math.round(short * 0.025));
  const fontSize = markHeight * 0.78;
  const pad = Math.ceil(markHeight * 0.35); // room for the shadow's blur, inside the overlay
  const margin = Math.max(pad * 2, Math.round(short * 0.02)); // the corner pixels themselves stay untouched
  const gap = markHeight * 0.35;
  // Semi-bold generic sans-serif glyphs average about 0.6 em (DejaVu, Liberation, Arial). The text is
  // anchored at its end and the overlay keeps slack on the left, so a wider font is never clipped.
  const textWidth = WATERMARK_TEXT.length * fontSize * 0.6;
  const slack = WATERMARK_TEXT.length * fontSize * 0.08;
  const width = Math.ceil(pad * 2 + slack + markHeight + gap + textWidth);
  const height = Math.ceil(pad * 2 + markHeight);
  // The visible mark ends `margin` px from the right and bottom edges; the overlay's padding lies inside that margin.
  const left = imageWidth - margin - width + pad;
  const top = imageHeight - margin - height + pad;
  if (left < 0 || top < 0) return null; // too small an image to carry it
  const s = markHeight / 24; // the logo mark is drawn on a 24-unit grid
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <filter id="shadow" x="-20%" y="-50%" width="140%" height="200%">
      <feGaussianBlur in="SourceAlpha" stdDeviation="${(markHeight * 0.08).toFixed(2)}" result="blur"/>
      <feOffset in="blur" dx="0" dy="${(markHeight * 0.04).toFixed(2)}" result="offset"/>
      <feComponentTransfer in="offset" result="soft"><feFuncA type="linear" slope="0.75"/></feComponentTransfer>
      <feMerge><feMergeNode in="soft"/><feMergeNode in="SourceGraphic"/></feMerge>
    </filter>
  </defs>
  <g filter="url(#shadow)" fill="#ffffff">
    <g transform="translate(${(pad + slack).toFixed(1)} ${pad}) scale(${s.toFixed(4)})">
      <ellipse cx="12" cy="19" rx="10" ry="3" fill-opacity="0.55"/>
      <rect x="5" y="12" width="14" height="7" rx="1" fill-opacity="0.9"/>
      <ellipse cx="12" cy="12" rx="7" ry="2.4"/>
      <circle cx="12" cy="6.2" r="3.4"/>
    </g>
    <text x="${(width - pad).toFixed(1)}" text-anchor="end" y="${(pad + markHeight * 0.8).toFixed(1)}" font-family="sans-serif" font-size="${fontSize.toFixed(1)}" font-weight="600" fill-opacity="0.92">${WATERMARK_TEXT}</text>
  </g>
</svg>`;
  return { left, top, width, height, svg: Buffer.from(svg) };
}

/** The frame with the watermark composited bottom-right (alpha kept); unchanged when the image is too small for it. */
export async function applyWatermark(frame: Frame): Promise<Frame> {
  const layout = watermarkLayout(frame.width, frame.height);
  if (!layout) return frame;
  const rgba = await sharp(frame.rgba, { raw: { width: frame.width, height: frame.height, channels: 4 } })
    .composite([{ input: layout.svg, left: layout.left, top: layout.top }])
    .raw()
    .toBuffer();
  return { rgba, width: frame.width, height: frame.height };
}
