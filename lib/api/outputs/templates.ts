import { z } from "zod";
import type { TemplateRatio, TemplateStyle } from "@/lib/scene/templates/schema";
import type { BrandKitView, PreviewItem } from "@/lib/templates/template-service";
import { VARIATION_ANGLES, VARIATION_RIGS } from "@/lib/templates/variations";

/** Declared response shapes of /api/brand-kit, /api/templates and /api/variations. */
// Styles and formats as stored: the input schema allowed only listed ones, and a value retired since must not turn
// a workspace's brand kit into a 500.
const storedStyles = z.array(z.string()) as unknown as z.ZodType<TemplateStyle[]>;
const storedFormats = z.array(z.string()) as unknown as z.ZodType<TemplateRatio[]>;
export const brandKitOutput: z.ZodType<BrandKitView> = z.object({
  brandName: z.string(),
  palette: z.array(z.string()),
  likedStyles: storedStyles,
  dislikedStyles: storedStyles,
  formats: storedFormats,
  version: z.number().int(),
  onboarded: z.boolean(),
});

export const previewItemOutput: z.ZodType<PreviewItem> = z.object({
  key: z.string(),
  templateId: z.string(),
  thumbnailId: z.string().nullable(),
  status: z.enum(["queued", "rendering", "done", "failed", "unavailable"]),
  url: z.string().nullable(),
});

export const galleryPreviewsOutput = z.object({ tinted: z.boolean(), previews: z.array(previewItemOutput) });

const angleIds = VARIATION_ANGLES.map((a) => a.id) as [
  (typeof VARIATION_ANGLES)[number]["id"],
  ...(typeof VARIATION_ANGLES)[number]["id"][],
];
export const variationsOutput = z.object({
  variations: z.array(
    z.object({
      index: z.number().int(),
      templateId: z.string(),
      templateName: z.string(),
      angle: z.enum(angleIds),
      rig: z.enum(VARIATION_RIGS as unknown as [(typeof VARIATION_RIGS)[number], ...(typeof VARIATION_RIGS)[number][]]),
      preview: previewItemOutput.nullable(),
    }),
  ),
});

/** "Use template" (201): the new scene. */
export const useTemplateOutput = z.object({ sceneId: z.string() });
/** Kept variations (201): one new scene per index. */
export const keptVariationsOutput = z.object({
  scenes: z.array(z.object({ index: z.number().int(), sceneId: z.string() })),
});
