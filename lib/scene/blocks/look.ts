/**
 * The photographic look (issue 18): ambient occlusion, depth of field and finishing (colour grade, vignette,
 * grain). Each is a document setting, so the editor, stills and videos agree; templates set a default per style.
 */
import { z } from "zod";

const finite = z.number().finite();
const unit = finite.min(0).max(1);

export const COLOUR_GRADES = ["none", "warm", "cool", "film", "crisp", "soft"] as const;

export const lookSchema = z
  .object({
    /** Contact darkening where product, podium and props meet. */
    ambientOcclusion: z.object({ enabled: z.boolean(), intensity: finite.min(0).max(4) }).strict(),
    /** Off for packshots; focus is on the product group's centre. */
    depthOfField: z.object({ enabled: z.boolean(), fNumber: finite.min(1.2).max(22) }).strict(),
    grade: z.enum(COLOUR_GRADES),
    vignette: unit,
    grain: unit,
  })
  .strict();
export type LookSpec = z.infer<typeof lookSchema>;

/** What a scene without a look block (v3 and older) renders with: AO on, no lens or grading effects. */
export const DEFAULT_LOOK: LookSpec = {
  ambientOcclusion: { enabled: true, intensity: 1 },
  depthOfField: { enabled: false, fNumber: 2.8 },
  grade: "none",
  vignette: 0,
  grain: 0,
};
