/**
 * Brand overlays drawn into exports (issue 19). The worker builds one transparent full-frame layer per output
 * with sharp (the logo's stored PNG resized into its box, text lines set in the bundled fonts) and that same layer
 * is composited everywhere a file is made: onto the read-back still before encoding (worker/encode.ts), and onto
 * every video frame by the session page (app/render/session/record-video.ts), under the trial watermark in both.
 * Why here and not in the page: the stills path reads raw WebGL pixels straight into sharp, the logo bytes come
 * from storage (no extra authenticated fetch from the page), and text is set by one engine (Pango) for both.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Database } from "@/lib/db";
import { getBrandAsset } from "@/lib/db/queries/brand-assets";
import { brandFont, brandFontFile, type BrandFont } from "@/lib/overlays/fonts";
import { overlayRect, placementFor, TEXT_LINE_HEIGHT } from "@/lib/overlays/layout";
import { woffToSfnt } from "@/lib/overlays/woff-to-sfnt";
import type { SceneDocument } from "@/lib/scene";
import type { StorageDriver } from "@/lib/storage";
import { PermanentRenderError } from "./failures";
import type { Frame } from "./frame";

const fontFiles = new Map<string, Promise<string>>();

/** The font as a TTF on disk (libvips' text renderer reads TTF/OTF, not WOFF), converted once per process. */
function fontFile(font: BrandFont): Promise<string> {
  let file = fontFiles.get(font.id);
  if (!file) {
    file = (async () => {
      const woff = await fs.readFile(path.join(process.cwd(), "node_modules", brandFontFile(font, "woff")));
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "plinth-fonts-"));
      const out = path.join(dir, `${font.id}.ttf`);
      await fs.writeFile(out, woffToSfnt(woff));
      return out;
    })();
    fontFiles.set(font.id, file);
    file.catch(() => fontFiles.delete(font.id));
  }
  return file;
}

const escapeMarkup = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function textImage(text: string, fontId: string, color: string, pixelHeight: number): Promise<Buffer> {
  const font = brandFont(fontId);
  const px = Math.max(4, Math.round(pixelHeight / TEXT_LINE_HEIGHT));
  return sharp({
    text: {
      text: `<span foreground="${color}">${escapeMarkup(text)}</span>`,
      font: `${font.family} ${px}`,
      fontfile: await fontFile(font),
      rgba: true,
      dpi: 72, // 1 pt = 1 px
    },
  })
    .png()
    .toBuffer();
}

export type OverlayLayer = { png: Buffer };

/**
 * The overlays of `document` for an output of width x height as one transparent PNG, or null when nothing is
 * visible there. A logo that is not in the workspace's brand kit can never draw: a permanent failure.
 */
export async function buildOverlayLayer(
  deps: { db: Database; storage: StorageDriver },
  workspaceId: string,
  document: SceneDocument,
  size: { width: number; height: number },
): Promise<OverlayLayer | null> {
  const { width, height } = size;
  const items: sharp.OverlayOptions[] = [];
  for (const overlay of document.overlays) {
    const placement = placementFor(overlay, document.outputs, width, height);
    if (!placement.visible) continue;
    let source: Buffer;
    let aspect: number;
    if (overlay.kind === "logo") {
      const asset = await getBrandAsset(deps.db, workspaceId, overlay.assetId);
      const bytes = asset && (await deps.storage.getBytes(asset.fileKey));
      if (!asset || !bytes) throw new PermanentRenderError("The scene's logo is no longer in the brand kit");
      source = Buffer.from(bytes);
      aspect = asset.width / asset.height;
    } else {
      source = await textImage(overlay.text, overlay.fontId, overlay.color, placement.size * Math.min(width, height));
      const meta = await sharp(source).metadata();
      aspect = (meta.width ?? 1) / (meta.height ?? 1);
    }
    const rect = overlayRect(placement.anchor, placement.size, aspect, width, height);
    const input = await sharp(source).resize(rect.width, rect.height, { fit: "fill" }).png().toBuffer();
    items.push({ input, left: rect.left, top: rect.top });
  }
  if (!items.length) return null;
  const png = await sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite(items)
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png };
}

/** The frame with the overlay layer composited over it (alpha kept). */
export async function applyOverlay(frame: Frame, layerPng: Buffer): Promise<Frame> {
  const rgba = await sharp(frame.rgba, { raw: { width: frame.width, height: frame.height, channels: 4 } })
    .composite([{ input: layerPng, left: 0, top: 0 }])
    .raw()
    .toBuffer();
  return { rgba, width: frame.width, height: frame.height };
}
