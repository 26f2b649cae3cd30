"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { ProductAsset } from "@/components/scene/scene-canvas";
import type { MotionSpec, SceneDocument } from "@/lib/scene";
import { CanvasErrorBoundary } from "@/components/scene/canvas-error-boundary";

const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-canvas-sunken" />,
});

/** A dozen frames a second is enough to read the move, and light on a laptop's CPU. */
const PREVIEW_FPS = 12;

/**
 * A small looping Draft of the move, drawn by the same renderer and the same motion function as the export
 * (lib/scene/motion.ts): frame i at t = i / fps, so what loops here is what the video holds. Stops while the
 * user prefers reduced motion (then shows the first frame).
 */
export function MotionPreview({
  document,
  products,
  motion,
  width,
  height,
}: {
  document: SceneDocument;
  products: Record<string, ProductAsset>;
  motion: MotionSpec;
  width: number;
  height: number;
}) {
  const [frame, setFrame] = useState(0);
  const frames = Math.max(1, Math.round(motion.durationS * PREVIEW_FPS));
  useEffect(() => {
    if (window.matchMedia?.("(prefers-reduced-motion: reduce)").matches) return;
    const timer = window.setInterval(() => setFrame((f) => (f + 1) % frames), 1000 / PREVIEW_FPS);
    return () => window.clearInterval(timer);
  }, [frames]);
  const time = ((frame % frames) / PREVIEW_FPS) % motion.durationS;
  return (
    <div
      className="overflow-hidden rounded-lg border border-line shadow-sm"
      style={{ width, height }}
      data-testid="motion-preview"
    >
      <CanvasErrorBoundary compact>
        <SceneCanvas
          document={{ ...document, motion }}
          products={products}
          size={{ width, height }}
          quality="draft"
          time={time}
        />
      </CanvasErrorBoundary>
    </div>
  );
}
