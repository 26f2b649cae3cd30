/**
 * A small picture of what the editor's viewport shows now, for a version's thumbnail: the WebGL canvas keeps its
 * drawing buffer (components/scene/scene-canvas.tsx), so it can be copied into a 2D canvas at thumbnail size and
 * encoded as WebP (JPEG where the browser cannot encode WebP). A few KB; null when there is nothing to capture.
 */
export const THUMBNAIL_MAX_PX = 240;
/** The server refuses larger ones (lib/scene-versions/version-service.ts thumbnailSchema). */
const MAX_CHARS = 60_000;

export function captureViewportThumbnail(root: ParentNode = document): string | null {
  const source = root.querySelector<HTMLCanvasElement>('[aria-label="Scene preview"] canvas');
  if (!source || source.width === 0 || source.height === 0) return null;
  const scale = Math.min(1, THUMBNAIL_MAX_PX / Math.max(source.width, source.height));
  const target = document.createElement("canvas");
  target.width = Math.max(1, Math.round(source.width * scale));
  target.height = Math.max(1, Math.round(source.height * scale));
  const ctx = target.getContext("2d");
  if (!ctx) return null;
  try {
    ctx.drawImage(source, 0, 0, target.width, target.height);
    for (const type of ["image/webp", "image/jpeg"]) {
      const url = target.toDataURL(type, 0.78);
      if (url.startsWith(`data:${type};`) && url.length <= MAX_CHARS) return url;
    }
  } catch {
    // A lost WebGL context or a tainted canvas: the version is kept without a picture.
  }
  return null;
}
