import { z } from "zod";
import { exportRequestSchema } from "./export-options";

/** At most this many template × product batches in one click (100 products × 1 template, or 1 × 20 templates…). */
export const MAX_GROUP_BATCHES = 100;
const id = z.string().min(1).max(80);

/** Products × templates, each rendered at the same sizes, quality and format (the export request's rules). */
export const renderGroupSchema = z
  .object({
    productIds: z.array(id).min(1, "Pick at least one product.").max(MAX_GROUP_BATCHES),
    templateIds: z.array(id).min(1, "Pick at least one template.").max(MAX_GROUP_BATCHES),
    tinted: z.boolean().default(false),
    /**
     * "all": each template's extra shots too, each in its own ratios (file names carry the shot), as a single
     * scene's export does; "none" (the default, as before shots): the main view only. Shots differ from template
     * to template, so a group takes all or none, never a list of ids.
     */
    shots: z.enum(["none", "all"]).default("none"),
    export: exportRequestSchema,
  })
  .strict()
  .refine((v) => new Set(v.productIds).size * new Set(v.templateIds).size <= MAX_GROUP_BATCHES, {
    path: ["productIds"],
    message: `At most ${MAX_GROUP_BATCHES} product × template combinations at once.`,
  });

export type RenderGroupInput = z.infer<typeof renderGroupSchema>;
