"use client";
import { useEffect, useState } from "react";
import { brandAssetUrl } from "@/lib/brand/asset-url";
import { brandFont } from "@/lib/overlays/fonts";
import { overlayRect, placementFor, TEXT_LINE_HEIGHT, type Rect } from "@/lib/overlays/layout";
import type { Overlay, SceneDocument } from "@/lib/scene";

export type OverlayBox = { overlay: Overlay; rect: Rect };

/** Width over height of a text line in its font, measured once the font has loaded (canvas 2D metrics). */
function measureText(text: string, fontId: string): number {
  const font = brandFont(fontId);
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return text.length * 0.6;
  context.font = `${font.weight} 100px "${font.family}"`;
  return context.measureText(text).width / (100 * TEXT_LINE_HEIGHT);
}

/**
 * Where each visible overlay of `doc` sits in an output of width x height, in output pixels: the worker's layout
 * (lib/overlays/layout.ts) fed with the logo's real aspect and the text's measured width.
 */
export function useOverlayBoxes(doc: SceneDocument, width: number, height: number): OverlayBox[] {
  const [logoAspects, setLogoAspects] = useState<Record<string, number>>({});
  // Bumped when the fonts have loaded: measurements taken before then used a fallback face.
  const [, setFontsLoaded] = useState(0);

  useEffect(() => {
    for (const overlay of doc.overlays) {
      if (overlay.kind !== "logo" || logoAspects[overlay.assetId]) continue;
      const image = new Image();
      image.onload = () =>
        setLogoAspects((prev) => ({
          ...prev,
          [overlay.assetId]: image.naturalWidth / Math.max(1, image.naturalHeight),
        }));
      image.src = brandAssetUrl(overlay.assetId);
    }
  }, [doc.overlays, logoAspects]);

  useEffect(() => {
    let cancelled = false;
    const faces = new Set(
      doc.overlays
        .flatMap((o) => (o.kind === "text" ? [brandFont(o.fontId)] : []))
        .map((f) => `${f.weight} 100px "${f.family}"`),
    );
    void Promise.all([...faces].map((face) => document.fonts.load(face))).then(() => {
      if (!cancelled) setFontsLoaded((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [doc.overlays]);

  const boxes: OverlayBox[] = [];
  for (const overlay of doc.overlays) {
    const placement = placementFor(overlay, doc.outputs, width, height);
    if (!placement.visible) continue;
    const aspect = overlay.kind === "logo" ? logoAspects[overlay.assetId] : measureText(overlay.text, overlay.fontId);
    if (!aspect) continue;
    boxes.push({ overlay, rect: overlayRect(placement.anchor, placement.size, aspect, width, height) });
  }
  return boxes;
}
