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
 * A visible floor is drawn in its finish (marble, oak...). A floor with `reflection` mirrors the set in either
 * case: on an invisible or seamless floor only the mirrored objects are drawn, so the backdrop colour stays exact.
 */
import { useEffect, useMemo } from "react";
import { CanvasTexture, CircleGeometry, type Texture } from "three";
import type { FloorSpec } from "@/lib/scene";
import { mixSeed } from "@/lib/scene/random";
import { ReflectionPlane } from "./reflection";
import { boxProjectUv } from "./surface-maps";
import { SurfaceMaterial, type SurfaceQuality } from "./surface-material";

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
  const texture = new CanvasTexture(canvas);
  texture.channel = 1;
  return texture;
}

export function Floor({
  floor,
  stageRadius,
  seamless,
  seed,
  quality,
}: {
  floor: FloorSpec;
  stageRadius: number;
  seamless: boolean;
  seed: number;
  quality: SurfaceQuality;
}) {
  // Keep the floor solid well beyond the stage, fading only in the far distance.
  const solid = Math.min(0.6, Math.max(0.08, (stageRadius * 4) / FLOOR_RADIUS));
  const alphaMap = useMemo(() => fadeTexture(solid), [solid]);
  useEffect(() => () => alphaMap.dispose(), [alphaMap]);
  const shown = floor.visible && !seamless;
  // The finish's tile: about the stage's width, so a floor shows a few planks or slabs around the product.
  const tile = Math.max(0.05, stageRadius * 2.5);
  const geometry = useMemo(() => {
    const circle = new CircleGeometry(FLOOR_RADIUS, 96);
    if (!shown) return circle;
    // The radial fade keeps the disc's own UVs (second channel); the finish tiles over box-projected ones.
    circle.setAttribute("uv1", circle.getAttribute("uv").clone());
    return boxProjectUv(circle, tile);
  }, [shown, tile]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  // The mirror covers the stage and fades out a few stage radii away, where a real floor's reflection thins out.
  const mirrorRadius = Math.min(FLOOR_RADIUS, stageRadius * 4);
  const mirror = useMemo(() => new CircleGeometry(mirrorRadius, 96), [mirrorRadius]);
  useEffect(() => () => mirror.dispose(), [mirror]);

  const reflection = floor.reflection > 0 && (
    <ReflectionPlane
      name="floor-reflection"
      geometry={mirror}
      height={0.0002}
      strength={floor.reflection}
      roughness={floor.roughness}
      tier={quality}
      fadeRadius={mirrorRadius}
      renderOrder={-1.5}
    />
  );
  if (!shown) {
    return (
      <>
        {reflection}
        <mesh name="shadow-catcher" geometry={geometry} rotation-x={-Math.PI / 2} receiveShadow renderOrder={-1}>
          <shadowMaterial transparent opacity={0.22} depthWrite={false} />
        </mesh>
      </>
    );
  }
  return (
    <>
      <mesh name="floor" geometry={geometry} rotation-x={-Math.PI / 2} receiveShadow renderOrder={-2}>
        <SurfaceMaterial
          finish={floor.surface}
          seed={mixSeed(seed, "floor")}
          color={floor.color}
          roughness={floor.roughness}
          metalness={floor.metalness}
          quality={quality}
          alphaMap={alphaMap}
          transparent
          depthWrite={false}
          envMapIntensity={0.6}
        />
      </mesh>
      {reflection}
    </>
  );
}
