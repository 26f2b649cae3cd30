"use client";
/** The podium the product stands on (its top is at `podium.height`). */
import { useEffect, useMemo } from "react";
import type { PodiumSpec } from "@/lib/scene";
import { podiumGeometry } from "./geometry";

export function Podium({ podium }: { podium: PodiumSpec }) {
  const geometry = useMemo(
    () => podiumGeometry(podium),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the shape fields change the mesh
    [podium.shape, podium.width, podium.depth, podium.height],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <mesh name="podium" geometry={geometry} castShadow receiveShadow>
      <meshStandardMaterial color={podium.color} roughness={podium.roughness} metalness={podium.metalness} />
    </mesh>
  );
}
