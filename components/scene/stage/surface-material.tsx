"use client";
/** A surface's standard material: its colour, gloss and metal with the finish's procedural maps (./surface-maps). */
import { useMemo } from "react";
import type { SurfaceFinish } from "@/lib/scene";
import { SURFACE_TEXTURE_SIZE, surfaceMaps, surfaceMaterialProps } from "./surface-maps";

export type SurfaceQuality = "draft" | "final";

export function SurfaceMaterial({
  finish,
  seed,
  color,
  roughness,
  metalness,
  quality,
  small = false,
  envMapIntensity,
  ...rest
}: {
  finish: SurfaceFinish;
  seed: number;
  color: string;
  roughness: number;
  metalness: number;
  quality: SurfaceQuality;
  /** A prop: smaller maps. */
  small?: boolean;
  envMapIntensity?: number;
} & Record<string, unknown>) {
  const size = SURFACE_TEXTURE_SIZE[quality][small ? "small" : "large"];
  const maps = useMemo(() => surfaceMaps(finish, seed, size, color), [finish, seed, size, color]);
  const props = useMemo(() => surfaceMaterialProps(maps, color, roughness), [maps, color, roughness]);
  return (
    <meshStandardMaterial
      // A new program when maps come and go (three compiles the map paths in or out).
      key={maps ? "mapped" : "plain"}
      {...props}
      metalness={metalness}
      envMapIntensity={envMapIntensity}
      {...rest}
    />
  );
}
