"use client";
/**
 * The studio floor.
 *  - In front of an environment backdrop: a large disc in the floor colour
 *    that fades out with distance, so it melts into the backdrop instead of
 *    drawing a hard horizon.
 *  - In front of a solid, gradient or transparent backdrop (`seamless`): the
 *    backdrop itself is the floor, like a paper sweep in a photo studio, so
 *    only the shadows are drawn and the backdrop colour stays exact
 *    everywhere else (and a cut-out keeps its shadow as alpha).
 *  - An invisible floor is always just a shadow catcher.
 */
import { useEffect, useMemo } from "react";
import { CanvasTexture, type Texture } from "three";
import type { FloorSpec } from "@/lib/scene";

const FLOOR_RADIUS = 12;

/** Radial alpha: opaque out to `solid` (fraction of the radius), then a smooth fade. */
function fadeTexture(solid: number): Texture {
  const size = 256;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("2D canvas unavailable");
  const gradient = context.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
  gradient.addColorStop(0, "#fff");
  gradient.addColorStop(solid, "#fff");
  gradient.addColorStop(Math.min(1, solid + (1 - solid) * 0.5), "#444");
  gradient.addColorStop(1, "#000");
  context.fillStyle = gradient;
  context.fillRect(0, 0, size, size);
  return new CanvasTexture(canvas);
}

export function Floor({ floor, stageRadius, seamless }: { floor: FloorSpec; stageRadius: number; seamless: boolean }) {
  // Keep the floor solid well beyond the stage, fading only in the far distance.
  const solid = Math.min(0.6, Math.max(0.08, (stageRadius * 4) / FLOOR_RADIUS));
  const alphaMap = useMemo(() => fadeTexture(solid), [solid]);
  useEffect(() => () => alphaMap.dispose(), [alphaMap]);

  if (!floor.visible || seamless) {
    return (
      <mesh name="shadow-catcher" rotation-x={-Math.PI / 2} receiveShadow renderOrder={-1}>
        <circleGeometry args={[FLOOR_RADIUS, 96]} />
        <shadowMaterial transparent opacity={0.22} depthWrite={false} />
      </mesh>
    );
  }
  return (
    <mesh name="floor" rotation-x={-Math.PI / 2} receiveShadow renderOrder={-2}>
      <circleGeometry args={[FLOOR_RADIUS, 96]} />
      <meshStandardMaterial
        color={floor.color}
        roughness={floor.roughness}
        metalness={floor.metalness}
        alphaMap={alphaMap}
        transparent
        depthWrite={false}
        envMapIntensity={0.6}
      />
    </mesh>
  );
}
