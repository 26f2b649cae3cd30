"use client";

import dynamic from "next/dynamic";
import { useCallback, useMemo, useRef } from "react";
import { createDefaultScene } from "@/lib/scene";

// The shared renderer: what the preview shows is what scenes and renders show.
const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas").then((m) => m.SceneCanvas), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-canvas-sunken" />,
});

const THUMB_W = 480;
const THUMB_H = 360;

/** A PNG of the canvas, cropped to 4:3 and scaled down, as a Blob. */
async function snapshot(canvas: HTMLCanvasElement): Promise<Blob | null> {
  const out = document.createElement("canvas");
  out.width = THUMB_W;
  out.height = THUMB_H;
  const ctx = out.getContext("2d");
  if (!ctx) return null;
  const srcAspect = canvas.width / canvas.height;
  const dstAspect = THUMB_W / THUMB_H;
  const sw = srcAspect > dstAspect ? canvas.height * dstAspect : canvas.width;
  const sh = srcAspect > dstAspect ? canvas.height : canvas.width / dstAspect;
  ctx.drawImage(canvas, (canvas.width - sw) / 2, (canvas.height - sh) / 2, sw, sh, 0, 0, THUMB_W, THUMB_H);
  // toDataURL, then a Blob: what the server stores as thumbnail.png.
  const dataUrl = out.toDataURL("image/png");
  return (await fetch(dataUrl)).blob();
}

/**
 * Live orbit preview of one product in the default look. When `thumbnailFor`
 * is set, the first ready frame is uploaded as the product's thumbnail.
 * The browser makes thumbnails for now; the render worker will take this over.
 */
export function ProductPreview({
  productId,
  url,
  productSize,
  thumbnailFor,
  className = "",
}: {
  productId: string;
  url: string;
  /** Real size [x, y, z] in metres: the podium is sized to the product. */
  productSize?: [number, number, number];
  thumbnailFor?: string;
  className?: string;
}) {
  const sizeKey = productSize?.join(",");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the size's value
  const document_ = useMemo(() => createDefaultScene({ productId, productSize }), [productId, sizeKey]);
  const products = useMemo(() => ({ [productId]: { url } }), [productId, url]);
  const box = useRef<HTMLDivElement>(null);
  const sent = useRef(false);

  const onReady = useCallback(() => {
    if (!thumbnailFor || sent.current) return;
    sent.current = true;
    const canvas = box.current?.querySelector("canvas");
    if (!canvas) return;
    void snapshot(canvas).then((blob) =>
      blob ? fetch(`/api/products/${thumbnailFor}/thumbnail`, { method: "PUT", headers: { "content-type": "image/png" }, body: blob }) : null,
    );
  }, [thumbnailFor]);

  return (
    <div ref={box} className={`relative overflow-hidden rounded-2xl border border-line bg-canvas-sunken ${className}`} data-testid="product-preview">
      <SceneCanvas document={document_} products={products} interactive onReady={onReady} quality="final" className="h-full w-full" />
    </div>
  );
}
