/**
 * Shots (issue 19): extra named cameras. The document's own `camera` is the main shot (exported in the outputs the
 * export dialog picks, as before shots existed); each extra shot has its own camera and the outputs (ratios) it is
 * exported in, so an export renders shots x ratios in one click and file names carry the shot's label.
 */
import { z } from "zod";
import { slotIdSchema } from "../schema-primitives";
import { cameraStateSchema, type CameraState } from "./camera";

export const MAX_SHOTS = 8;
/** What the editor and the export dialog call the document's own camera (it has no label in the document). */
export const MAIN_SHOT_LABEL = "Main view";

export const shotSchema = z
  .object({
    id: slotIdSchema,
    label: z.string().trim().min(1, "a shot needs a name").max(40, "a shot's name is at most 40 characters"),
    camera: cameraStateSchema,
    /** Ids from the document's `outputs`; a shot exported in no ratio would be a trap. */
    outputIds: z
      .array(slotIdSchema)
      .min(1, "a shot needs at least one ratio")
      .max(16)
      .refine((ids) => new Set(ids).size === ids.length, "a ratio is listed twice"),
  })
  .strict();
export type Shot = z.infer<typeof shotSchema>;

export const shotsSchema = z.array(shotSchema).max(MAX_SHOTS, `at most ${MAX_SHOTS} shots`);

/**
 * Document-level checks a shot cannot make alone: every `outputIds` entry names one of the document's outputs, and
 * labels are unique (file names carry them, so two "Top-down" shots would give two files one name).
 */
export function refineShots(
  doc: { outputs: readonly { id: string }[]; shots: readonly Shot[] },
  ctx: z.RefinementCtx,
): void {
  const outputIds = new Set(doc.outputs.map((o) => o.id));
  const labels = new Set<string>();
  doc.shots.forEach((shot, index) => {
    shot.outputIds.forEach((id, i) => {
      if (!outputIds.has(id))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["shots", index, "outputIds", i],
          message: `shot "${shot.label}" names an output "${id}" that is not in the document's outputs`,
        });
    });
    const key = shot.label.toLowerCase();
    if (labels.has(key) || key === MAIN_SHOT_LABEL.toLowerCase())
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["shots", index, "label"],
        message: `another shot is already called "${shot.label}"`,
      });
    labels.add(key);
  });
}

/** The document as one shot sees it: its camera in place of the main one (null or unknown id: the main shot). */
export function sceneForShot<T extends { camera: CameraState; shots: readonly Shot[] }>(
  doc: T,
  shotId: string | null | undefined,
): T {
  const shot = shotId ? doc.shots.find((s) => s.id === shotId) : undefined;
  return shot ? { ...doc, camera: shot.camera } : doc;
}
