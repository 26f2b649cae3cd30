"use client";

import dynamic from "next/dynamic";
import type { ProductAsset } from "@/components/scene/scene-canvas";
import type { SceneDocument } from "@/lib/scene";
import { CanvasErrorBoundary } from "@/components/scene/canvas-error-boundary";

const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-canvas-sunken" />,
});

const BOX = 88;

/**
 * A small live render of one export ratio, drawn by the same renderer with the
 * same framing rule as the export: what the tile shows is what that file will contain.
 */
export function RatioPreview({
  document,
  products,
  width,
  height,
}: {
  document: SceneDocument;
  products: Record<string, ProductAsset>;
  width: number;
  height: number;
}) {
  const scale = BOX / Math.max(width, height);
  const size = { width: Math.max(16, Math.round(width * scale)), height: Math.max(16, Math.round(height * scale)) };
  return (
    <div className="flex h-[88px] w-[88px] items-center justify-center" aria-hidden="true">
      <div className="overflow-hidden rounded-md border border-line shadow-sm" style={size}>
        <CanvasErrorBoundary compact>
          <SceneCanvas document={document} products={products} size={size} quality="draft" />
        </CanvasErrorBoundary>
      </div>
    </div>
  );
}
