"use client";

import dynamic from "next/dynamic";
import { useMemo } from "react";
import { createDefaultScene } from "@/lib/scene";
import { CanvasErrorBoundary } from "@/components/scene/canvas-error-boundary";

// The shared renderer: what the preview shows is what scenes and renders show.
const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas").then((m) => m.SceneCanvas), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-canvas-sunken" />,
});

/**
 * Live orbit preview of one product in the default look (the render worker
 * draws the library thumbnail in the same look).
 */
export function ProductPreview({
  productId,
  url,
  productSize,
  className = "",
}: {
  productId: string;
  url: string;
  /** Real size [x, y, z] in metres: the podium is sized to the product. */
  productSize?: [number, number, number];
  className?: string;
}) {
  const sizeKey = productSize?.join(",");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the size's value
  const document_ = useMemo(() => createDefaultScene({ productId, productSize }), [productId, sizeKey]);
  const products = useMemo(() => ({ [productId]: { url } }), [productId, url]);
  return (
    <div
      className={`relative overflow-hidden rounded-2xl border border-line bg-canvas-sunken ${className}`}
      data-testid="product-preview"
    >
      <CanvasErrorBoundary>
        <SceneCanvas document={document_} products={products} interactive quality="final" className="h-full w-full" />
      </CanvasErrorBoundary>
    </div>
  );
}
