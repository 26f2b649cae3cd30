/**
 * Cleans an uploaded SVG logo before it is rasterised (lib/brand/logo-file.ts). The stored logo is always the PNG
 * drawn from it, so no SVG ever reaches a browser; this pass is about what the rasteriser (librsvg) could be made
 * to do while drawing: read local files or URLs, expand entities. What cannot be made safe is refused with a
 * message; what is merely active is stripped:
 * - refused: a DOCTYPE or ENTITY (XXE and "billion laughs"), anything that is not one <svg> document;
 * - stripped: <script>, <foreignObject> (HTML inside SVG), event handler attributes (on*), and every href or
 *   url(...) that is not a fragment (#id) or an embedded raster image (data:image/png|jpeg|gif|webp), so nothing
 *   is fetched from the network or the disk; <style> blocks lose @import.
 * A regular-expression pass rather than a DOM: the rules are deny-by-construction on what links out, and
 * librsvg loading from a buffer has no base URL (it refuses relative files) as a second line.
 */
import { AppError } from "@/lib/errors";

const SAFE_REF = /^\s*(#|data:image\/(png|jpeg|gif|webp);base64,)/i;

export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, "");
  // An XML declaration, comments and a doctype may come first; the first element must be <svg>.
  const stripped = head.replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/i, "");
  return /^<svg[\s>]/i.test(stripped) || /^<!doctype\s+svg/i.test(stripped);
}

export function sanitiseSvg(text: string): string {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new AppError(
      "unprocessable",
      "This SVG declares a DOCTYPE or entities, which logos never need. Export it again as plain SVG.",
    );
  }
  if ((text.match(/<svg[\s>]/gi) ?? []).length < 1)
    throw new AppError("unprocessable", "This file is not an SVG image.");
  let out = text
    .replace(/<\?xml-stylesheet[\s\S]*?\?>/gi, "")
    .replace(/<script[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<script[^>]*\/>/gi, "")
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, "")
    .replace(/<foreignObject[^>]*\/>/gi, "")
    // Event handlers in any quoting: onload="..", onclick='..', onerror=bare.
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    // Links that leave the document: href / xlink:href to anything but #id or an embedded raster image.
    .replace(/\s((?:xlink:)?href)\s*=\s*("([^"]*)"|'([^']*)')/gi, (whole, _attr, _q, dq, sq) =>
      SAFE_REF.test(dq ?? sq ?? "") ? whole : "",
    )
    .replace(/@import[^;]*;?/gi, "")
    .replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (whole, _q, ref) => (SAFE_REF.test(ref) ? whole : "none"));
  // A leftover opening tag (nested or malformed) is refused rather than guessed at.
  if (/<script|<foreignObject|javascript:/i.test(out)) {
    throw new AppError("unprocessable", "This SVG contains scripts that could not be removed safely.");
  }
  out = out.trim();
  return out;
}
