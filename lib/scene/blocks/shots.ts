/**
 * Shots (issue 19): extra named cameras. The document's own `camera` is the main shot (label `mainShotLabel`,
 * exported in every output); each extra shot has its own camera and the outputs (ratios) it is exported in, so
 * an export renders shots x ratios in one click and file names carry the shot's label.
 */
import { z } from "zod";
import { slotIdSchema } from "../schema-primitives";
import { cameraStateSchema } from "./camera";

export const MAX_SHOTS = 8;

export const shotSchema = z
  .object({
    id: slotIdSchema,
    label: z.string().trim().min(1, "a shot needs a name").max(40),
    camera: cameraStateSchema,
    /** Ids from the document's `outputs`; a shot exported in no ratio would be a trap. */
    outputIds: z.array(slotIdSchema).min(1, "a shot needs at least one ratio").max(16),
  })
  .strict();
export type Shot = z.infer<typeof shotSchema>;

export const shotsSchema = z.array(shotSchema).max(MAX_SHOTS, `at most ${MAX_SHOTS} shots`);
