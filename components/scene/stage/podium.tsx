"use client";
/** The podium the product stands on (its top is at `podium.height`), in its finish, its top mirroring when glossy. */
import { useEffect, useMemo } from "react";
import type { PodiumSpec } from "@/lib/scene";
import { mixSeed } from "@/lib/scene/random";
import { podiumGeometry, podiumTopGeometry } from "./geometry";
import { ReflectionPlane } from "./reflection";
import { boxProjectUv } from "./surface-maps";
import { SurfaceMaterial, type SurfaceQuality } from "./surface-material";

export function Podium({ podium, seed, quality }: { podium: PodiumSpec; seed: number; quality: SurfaceQuality }) {
  const geometry = useMemo(
    // One texture tile across the podium's larger side: a marble top shows a few veins, not a repeating wallpaper.
    () => boxProjectUv(podiumGeometry(podium), Math.max(podium.width, podium.depth)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the shape fields change the mesh
    [podium.shape, podium.width, podium.depth, podium.height],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  const reflective = podium.reflection > 0;
  const top = useMemo(
    () => (reflective ? podiumTopGeometry(podium) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the shape fields change the top
    [reflective, podium.shape, podium.width, podium.depth],
  );
  useEffect(() => () => top?.dispose(), [top]);
  return (
    <>
      <mesh name="podium" geometry={geometry} castShadow receiveShadow>
        <SurfaceMaterial
          finish={podium.surface}
          seed={mixSeed(seed, "podium")}
          color={podium.color}
          roughness={podium.roughness}
          metalness={podium.metalness}
          quality={quality}
        />
      </mesh>
      {top && (
        <ReflectionPlane
          name="podium-reflection"
          geometry={top}
          height={podium.height + 0.0003}
          strength={podium.reflection}
          roughness={podium.roughness}
          tier={quality}
        />
      )}
    </>
  );
}
