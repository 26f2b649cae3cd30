import type { VideoOverlay } from "@/lib/render-contract/video-job";

/**
 * The brand overlay layer the worker built (worker/overlays.ts), decoded once per video and drawn on every frame
 * between the scene and the watermark: the same pixels a still of this output gets.
 */
export async function loadOverlay(overlay: VideoOverlay | null | undefined): Promise<HTMLImageElement | null> {
  if (!overlay) return null;
  const image = new Image();
  image.src = `data:image/png;base64,${overlay.pngBase64}`;
  await image.decode();
  return image;
}
