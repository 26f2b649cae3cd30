/**
 * Set surfaces (issue 18): what a floor, podium or prop is made of beyond its colour and gloss. A finish is a
 * procedural material (veins, grain, weave, brushing; normal and roughness detail) drawn by the renderer from the
 * scene's seed, so it needs no download and renders the same every time. The surface's colour stays its base
 * colour: a brand-tinted marble podium is marble in the brand's colour.
 */
import { z } from "zod";
import { unit } from "../schema-primitives";

export const SURFACE_FINISHES = [
  "plain",
  "marble",
  "terrazzo",
  "travertine",
  "oak",
  "linen",
  "paper",
  "brushed-metal",
  "concrete",
] as const;
export const surfaceFinishSchema = z.enum(SURFACE_FINISHES);
export type SurfaceFinish = z.infer<typeof surfaceFinishSchema>;

/** "plain": the flat colour every scene before v5 had. */
export const surfaceFieldSchema = surfaceFinishSchema.default("plain");

/**
 * How strongly a flat surface (the floor, a podium's top) mirrors what stands on it: 0 none (as before v5),
 * 1 a polished mirror. The surface's roughness blurs the reflection.
 */
export const reflectionFieldSchema = unit.default(0);
