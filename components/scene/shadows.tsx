"use client";
/**
 * Grounding shadows, rendered once per stage change (no per-frame work):
 * contact shadows, a blurred depth "AO" under the products on the surface
 * they stand on, and under the podium and props on the floor. (The key
 * light's own shadow comes from lights.tsx.)
 *
 * The document's `shadows.accumulated` flag is not drawn: progressive
 * accumulated shadows looked harder and streakier than these on our renders
 * and only Final could afford them, so an export no longer matched the
 * editor's preview. Final and Draft draw the same shadows.
 *
 * Shadow planes live on SHADOW_LAYER so the contact-shadow cameras never see
 * another shadow plane as an occluder (the main camera enables that layer).
 */
import { memo } from "react";
import { Camera, type Object3D } from "three";
import type { Bounds, ShadowSpec } from "@/lib/scene";
import { ContactShadow } from "./contact-shadow";

export const SHADOW_LAYER = 1;

function moveToShadowLayer(root: Object3D | null) {
  root?.traverse((object) => {
    if (!(object instanceof Camera)) object.layers.set(SHADOW_LAYER);
  });
}

/** Everything the shadows depend on; they are recomputed only when it changes. */
export type ShadowsProps = Parameters<typeof ShadowsImpl>[0] & { signature: string };

export const Shadows = memo(
  function Shadows(props: ShadowsProps) {
    return <ShadowsImpl {...props} />;
  },
  (previous, next) => previous.signature === next.signature,
);

function ShadowsImpl({
  shadows,
  quality,
  productBounds,
  baseHeight,
  podium,
  stageRadius,
}: {
  shadows: ShadowSpec;
  quality: "draft" | "final";
  productBounds: Bounds;
  /** Height of the surface the products stand on (podium top or floor). */
  baseHeight: number;
  podium: { width: number; depth: number; height: number } | null;
  stageRadius: number;
}) {
  const productWidth = Math.max(
    productBounds.max[0] - productBounds.min[0],
    productBounds.max[2] - productBounds.min[2],
  );
  const productHeight = Math.max(0.01, productBounds.max[1] - productBounds.min[1]);
  const onPodium = podium !== null && Math.abs(baseHeight - podium.height) < 0.002;
  // Under the products: as wide as the podium top allows, else a generous footprint that also takes in
  // the props standing around (a shadow plane's square edge would otherwise cut their shadows off).
  const stageScale = stageRadius * 2.4;
  const productScale = onPodium
    ? Math.min(podium.width, podium.depth) * 0.98
    : Math.max(productWidth * 3, productHeight * 2, stageScale);
  const resolution = quality === "final" ? 512 : 256;
  const lift = 0.0004;

  return (
    <group name="shadows">
      {shadows.contact.opacity > 0 && (
        <group ref={moveToShadowLayer}>
          <ContactShadow
            y={baseHeight + lift}
            size={productScale}
            opacity={shadows.contact.opacity}
            blur={shadows.contact.blur}
            far={productHeight * 0.6}
            resolution={resolution}
          />
          {podium && (
            <ContactShadow
              y={lift}
              size={Math.max(podium.width * 1.5, podium.depth * 1.5, stageScale)}
              opacity={Math.min(1, shadows.contact.opacity * 1.2)}
              blur={shadows.contact.blur * 1.2}
              far={Math.max(0.01, podium.height * 0.9)}
              resolution={resolution}
            />
          )}
        </group>
      )}
    </group>
  );
}
