import { z } from "zod";
import { alphaFormatLabels, IMAGE_FORMAT_IDS, IMAGE_FORMATS } from "@/lib/formats";
import { MAX_SHOTS, OUTPUT_PRESETS, slotIdSchema } from "@/lib/scene";

/** The longest side any output may have; plans may allow less (billing). */
export const MAX_OUTPUT_PX = 4096;
export const MAX_OUTPUTS_PER_BATCH = 16;

const sizeSchema = z.object({
  label: z.string().trim().min(1).max(40),
  width: z.number().int().min(16, "At least 16 px.").max(MAX_OUTPUT_PX, `At most ${MAX_OUTPUT_PX} px.`),
  height: z.number().int().min(16, "At least 16 px.").max(MAX_OUTPUT_PX, `At most ${MAX_OUTPUT_PX} px.`),
});

export const exportRequestSchema = z
  .object({
    /** The main shot's sizes; empty when only extra shots are exported. */
    outputs: z.array(sizeSchema).max(MAX_OUTPUTS_PER_BATCH, `At most ${MAX_OUTPUTS_PER_BATCH} formats at once.`),
    /** The scene's extra shots to render, each in its own ratios (./shot-plan.ts); absent: all of them. */
    shots: z.array(slotIdSchema).max(MAX_SHOTS, `At most ${MAX_SHOTS} shots.`).optional(),
    multiplier: z.number().min(1).max(4).default(1),
    format: z.enum(IMAGE_FORMAT_IDS).default("png"),
    transparent: z.boolean().default(false),
    /** "studio" only when the server offers it, for 1:1 and 4:5 (./studio.ts; checked where the batch is written). */
    quality: z.enum(["draft", "final", "studio"]).default("final"),
  })
  .refine((v) => v.outputs.length > 0 || (v.shots?.length ?? 0) > 0, {
    path: ["outputs"],
    message: "Pick at least one format.",
  })
  .refine(
    (v) => !(v.transparent && !IMAGE_FORMATS[v.format].alpha),
    (v) => ({
      path: ["transparent"],
      message: `${IMAGE_FORMATS[v.format].label} has no transparency: pick ${alphaFormatLabels()}.`,
    }),
  );

export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type PlannedOutput = { label: string; width: number; height: number };

/**
 * Final pixel sizes: each size times the multiplier, scaled down (keeping the
 * ratio) so the long side stays within the limit.
 */
export function planOutputs(request: ExportRequest, maxPx = MAX_OUTPUT_PX): PlannedOutput[] {
  return request.outputs.map(({ label, width, height }) => {
    let w = width * request.multiplier;
    let h = height * request.multiplier;
    const long = Math.max(w, h);
    if (long > maxPx) {
      w = (w * maxPx) / long;
      h = (h * maxPx) / long;
    }
    return { label, width: Math.round(w), height: Math.round(h) };
  });
}

/** The social set every export dialog starts with. */
export const EXPORT_PRESETS: (PlannedOutput & { name: string; social: boolean })[] = Object.entries(OUTPUT_PRESETS).map(
  ([ratio, p]) => ({
    label: ratio,
    name: p.label,
    width: p.width,
    height: p.height,
    social: ["1:1", "4:5", "9:16", "16:9"].includes(ratio),
  }),
);

export const MULTIPLIERS = [1, 2, 3, 4] as const;

export type MultiplierOption = { multiplier: number; allowed: boolean; reason: string | null };

/**
 * Which size multipliers the plan allows for these outputs: one is refused when any output, multiplied (and capped
 * at MAX_OUTPUT_PX as planOutputs does), would be longer than the plan's limit. 1× is always offered: a size that
 * is too large even at 1× is the size's own problem, which the server names when asked.
 */
export function multiplierOptions(outputs: { width: number; height: number }[], planMaxPx: number): MultiplierOption[] {
  return MULTIPLIERS.map((multiplier) => {
    if (multiplier === 1) return { multiplier, allowed: true, reason: null };
    const planned = planOutputs({
      outputs: outputs.map((o) => ({ label: "size", ...o })),
      multiplier,
      format: "png",
      transparent: false,
      quality: "final",
    });
    const longest = Math.max(0, ...planned.map((p) => Math.max(p.width, p.height)));
    return longest > planMaxPx
      ? { multiplier, allowed: false, reason: `${longest} px is over the ${planMaxPx} px limit` }
      : { multiplier, allowed: true, reason: null };
  });
}

/** The multiplier to use: the one picked while the plan allows it, else the largest allowed below it. */
export function allowedMultiplier(picked: number, options: MultiplierOption[]): number {
  const allowed = options.filter((o) => o.allowed && o.multiplier <= picked).map((o) => o.multiplier);
  return allowed.length > 0 ? Math.max(...allowed) : 1;
}
