import { z } from "zod";

/**
 * Declared response shapes of /api/scenes (the wrapper parses each answer before sending it, like its input).
 * The document stays opaque here: its own contract is lib/scene (parseScene at every boundary).
 */
export const sceneListOutput = z.object({
  scenes: z.array(
    z.object({ id: z.string(), name: z.string(), productId: z.string().nullable(), updatedAt: z.date() }),
  ),
});

export const sceneOutput = z.object({
  scene: z.object({
    id: z.string(),
    name: z.string(),
    document: z.unknown(),
    revision: z.number().int(),
    updatedAt: z.date(),
  }),
});

/** PUT /api/scenes/:id: the scene's revision after the save (the next save starts from it). A stale save is a 409. */
export const sceneSavedOutput = z.object({ revision: z.number().int(), updatedAt: z.date() });
