/**
 * Set surfaces as three.js maps (issue 18): the procedural patterns of lib/scene/surfaces packed into
 * DataTextures, cached per (finish, seed, size, dark base) so the editor does not regenerate them when a colour,
 * a roughness or anything else changes; only a new finish or seed draws new maps. Draft draws them at half size.
 */
import {
  BufferAttribute,
  Color,
  DataTexture,
  LinearMipmapLinearFilter,
  LinearFilter,
  NoColorSpace,
  RepeatWrapping,
  type BufferGeometry,
  type Texture,
} from "three";
import type { SurfaceFinish } from "@/lib/scene";
import { packSurface } from "@/lib/scene/surfaces/pack";
import { isDarkColour, surfacePattern } from "@/lib/scene/surfaces/patterns";

export type SurfaceMaps = {
  map: Texture;
  normalMap: Texture;
  roughnessMap: Texture;
  toneScale: number;
  roughScale: number;
};

/** Texels per side: big surfaces (floor, podium) and props, per quality. */
export const SURFACE_TEXTURE_SIZE = {
  draft: { large: 128, small: 64 },
  final: { large: 256, small: 128 },
} as const;

const cache = new Map<string, SurfaceMaps>();

function texture(data: Uint8Array, size: number): Texture {
  const t = new DataTexture(data, size, size);
  t.colorSpace = NoColorSpace;
  t.wrapS = t.wrapT = RepeatWrapping;
  t.magFilter = LinearFilter;
  t.minFilter = LinearMipmapLinearFilter;
  t.generateMipmaps = true;
  t.anisotropy = 8;
  t.needsUpdate = true;
  return t;
}

/** The maps of a finish (null for "plain"), drawn once per key and shared by every mesh that uses them. */
export function surfaceMaps(finish: SurfaceFinish, seed: number, size: number, colour: string): SurfaceMaps | null {
  if (finish === "plain") return null;
  const dark = isDarkColour(colour);
  const key = `${finish}:${seed >>> 0}:${size}:${dark ? "dark" : "light"}`;
  let maps = cache.get(key);
  if (!maps) {
    const packed = packSurface(finish, surfacePattern(finish, seed, size, dark));
    maps = {
      map: texture(packed.colour, size),
      normalMap: texture(packed.normal, size),
      roughnessMap: texture(packed.rough, size),
      toneScale: packed.toneScale,
      roughScale: packed.roughScale,
    };
    cache.set(key, maps);
  }
  return maps;
}

/** The material's colour and roughness with the maps' scale folded in (the texture stores tone / toneScale). */
export function surfaceMaterialProps(
  maps: SurfaceMaps | null,
  colour: string,
  roughness: number,
): { color: Color; roughness: number; map: Texture | null; normalMap: Texture | null; roughnessMap: Texture | null } {
  const color = new Color(colour);
  if (!maps) return { color, roughness, map: null, normalMap: null, roughnessMap: null };
  return {
    color: color.multiplyScalar(maps.toneScale),
    roughness: roughness * maps.roughScale,
    map: maps.map,
    normalMap: maps.normalMap,
    roughnessMap: maps.roughnessMap,
  };
}

/**
 * Box-projected UVs in object space, one texture tile per `tile` units: every face gets the same texel density
 * whatever the shape (a lathe's cap would otherwise draw its veins as spokes), from the axis the face points along.
 */
export function boxProjectUv(geometry: BufferGeometry, tile: number): BufferGeometry {
  const position = geometry.getAttribute("position");
  let normal = geometry.getAttribute("normal");
  if (!normal) {
    geometry.computeVertexNormals();
    normal = geometry.getAttribute("normal");
  }
  const uv = new Float32Array(position.count * 2);
  for (let i = 0; i < position.count; i++) {
    const [x, y, z] = [position.getX(i), position.getY(i), position.getZ(i)];
    const [ax, ay, az] = [Math.abs(normal.getX(i)), Math.abs(normal.getY(i)), Math.abs(normal.getZ(i))];
    const [u, v] = ay >= ax && ay >= az ? [x, z] : ax >= az ? [z, y] : [x, y];
    uv[i * 2] = u / tile + 0.5;
    uv[i * 2 + 1] = v / tile + 0.5;
  }
  geometry.setAttribute("uv", new BufferAttribute(uv, 2));
  return geometry;
}
