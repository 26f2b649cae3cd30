"use client";
import { frameLayer, type FrameLayer } from "@/lib/formats/video-frame-pixels";
import type { VideoWatermark } from "@/lib/render-contract/video-job";

/**
 * What is drawn over every video frame, rasterised once per video: the brand overlay (full frame) under the trial
 * watermark, exactly where the 2D compositing used to put them. Null when there is neither.
 */
export function overlayLayer(
  width: number,
  height: number,
  overlay: HTMLImageElement | null,
  watermark: { image: HTMLImageElement; mark: VideoWatermark } | null,
): FrameLayer | null {
  if (!overlay && !watermark) return null;
  const canvas = window.document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("No 2D canvas to draw the overlay on");
  if (overlay) context.drawImage(overlay, 0, 0, width, height);
  if (watermark) context.drawImage(watermark.image, watermark.mark.left, watermark.mark.top);
  return frameLayer(width, height, context.getImageData(0, 0, width, height).data);
}
