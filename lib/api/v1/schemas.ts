import { z } from "zod";
import { alphaFormatLabels, IMAGE_FORMAT_IDS, IMAGE_FORMATS, VIDEO_FORMAT_IDS } from "@/lib/formats";
import { MAX_GROUP_BATCHES } from "@/lib/renders/render-group-input";
import {
  MOTION_FPS,
  MOTION_MAX_SECONDS,
  MOTION_MIN_SECONDS,
  MOTION_MOVES,
  MAX_SHOTS,
  OUTPUT_PRESETS,
} from "@/lib/scene";
import { VIDEO_SIZES } from "@/lib/renders/video-export-options";

/**
 * The public API's shapes (v1): request bodies, queries and answers, in snake_case with ISO dates and prefixed ids.
 * The route wrapper parses with these and the OpenAPI document (lib/api/v1/openapi.ts) is generated from them, so
 * the documentation cannot drift from what the routes accept and answer.
 */

const isoDate = z.string().datetime().describe("ISO 8601 date and time (UTC)");
const id = (prefix: string) => z.string().describe(`Id (\`${prefix}_...\`)`);

export const errorSchema = z
  .object({
    error: z.object({
      type: z.string().describe("Machine-readable kind: not_found, unauthorized, forbidden, unprocessable, ..."),
      message: z.string().describe("A sentence for people"),
      fields: z.record(z.string()).optional().describe("Per-field messages (dotted paths) for a 422"),
    }),
  })
  .describe("Every error answer has this shape");

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1, "At least 1.").max(100, "At most 100.").default(20),
  cursor: z.string().max(300).optional().describe("`next_cursor` of the previous page"),
});

export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    object: z.literal("list"),
    data: z.array(item),
    next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  });

export const deletedSchema = z.object({ id: z.string(), object: z.string(), deleted: z.literal(true) });

// ------------------------------------------------------------------ products

export const productSchema = z.object({
  id: id("prd"),
  object: z.literal("product"),
  name: z.string(),
  dimensions_m: z.tuple([z.number(), z.number(), z.number()]).describe("Width, height, depth in metres"),
  triangles: z.number().int(),
  materials: z.array(z.string()),
  variants: z.array(z.string()),
  unit: z.string().nullable(),
  suggested_unit: z.string().nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  original_filename: z.string(),
  created_at: isoDate,
  updated_at: isoDate,
});

export const productUploadSchema = z.object({
  files: z.array(z.string().describe("binary")).describe("One .glb, a .gltf with its files, or one .zip"),
  name: z.string().optional(),
});

// ----------------------------------------------------------------- templates

export const templateSchema = z.object({
  id: z.string().describe("A built-in template's id, or `wtp_...` for the workspace's own"),
  object: z.literal("template"),
  name: z.string(),
  style: z.string(),
  colour_family: z.string().nullable(),
  tags: z.array(z.string()),
  ratios: z.array(z.string()),
  custom: z.boolean(),
});

export const templateQuery = listQuery.extend({
  style: z.string().max(40).optional(),
  ratio: z.string().max(10).optional().describe("Only templates that suit this ratio, e.g. `4:5`"),
  tag: z.string().max(40).optional(),
  custom: z.enum(["true", "false"]).optional().describe("Only the workspace's own (true) or built-in (false)"),
});

// -------------------------------------------------------------------- scenes

const sceneDocument = z.record(z.string(), z.unknown()).describe("The scene document (versioned; see lib/scene)");

export const sceneSummarySchema = z.object({
  id: id("scn"),
  object: z.literal("scene"),
  name: z.string(),
  product_id: z.string(),
  revision: z.number().int(),
  created_at: isoDate,
  updated_at: isoDate,
});

export const sceneSchema = sceneSummarySchema.extend({ document: sceneDocument });

export const createSceneBody = z.object({
  template_id: z.string().min(1, "Pick a template.").max(80),
  product_id: z.string().min(1, "Pick a product.").max(64),
  tinted: z.boolean().default(false).describe("Tint the template with the workspace's brand kit"),
});

export const updateSceneBody = z.object({
  document: sceneDocument,
  revision: z
    .number({ invalid_type_error: "Send the revision as a number." })
    .int()
    .min(1)
    .optional()
    .describe("The revision your edits started from; a stale one is refused with 409 (absent: last write wins)"),
});

// ------------------------------------------------------------------- renders

export const RATIOS = Object.keys(OUTPUT_PRESETS) as [keyof typeof OUTPUT_PRESETS, ...(keyof typeof OUTPUT_PRESETS)[]];
export const VIDEO_RATIOS = VIDEO_SIZES.map((s) => s.label) as unknown as [string, ...string[]];

const ratiosOf = <T extends [string, ...string[]]>(values: T, max: number) =>
  z
    .array(z.enum(values, { errorMap: () => ({ message: `Pick from ${values.join(", ")}.` }) }))
    .min(1, "Pick at least one ratio.")
    .max(max, `At most ${max} ratios at once.`)
    .transform((r) => [...new Set(r)]);

export const createRenderBody = z.object({
  scene_id: z.string().min(1, "Name the scene to render.").max(64),
  ratios: ratiosOf(RATIOS, RATIOS.length),
  quality: z
    .enum(["draft", "final", "studio"])
    .default("final")
    .describe(
      "studio: Final, then path traced for the server's STUDIO_BUDGET_S per image (5x the credits); only for 1:1 and 4:5 and only where the server offers it (STUDIO_RENDERS=1), otherwise a 422",
    ),
  format: z.enum(IMAGE_FORMAT_IDS).default("png"),
  transparent: z.boolean().default(false),
  multiplier: z.number().int().min(1).max(4).default(1).describe("Size multiplier on the ratio's 1080-class size"),
  shots: z
    .array(z.string().min(1).max(64))
    .max(MAX_SHOTS, `At most ${MAX_SHOTS} shots.`)
    .optional()
    .describe("The scene's extra shots to render too, each in its own ratios (absent: all of them; []: none)"),
});

export const createVideoRenderBody = z.object({
  scene_id: z.string().min(1, "Name the scene to render.").max(64),
  ratios: ratiosOf(VIDEO_RATIOS, VIDEO_RATIOS.length),
  move: z.enum(MOTION_MOVES),
  duration_s: z.number().min(MOTION_MIN_SECONDS).max(MOTION_MAX_SECONDS).default(6),
  fps: z
    .number()
    .refine((fps) => (MOTION_FPS as readonly number[]).includes(fps), `Pick ${MOTION_FPS.join(", ")} fps.`)
    .default(30),
  format: z.enum(VIDEO_FORMAT_IDS).default("mp4"),
  quality: z.enum(["draft", "final"]).default("final"),
});

export const renderOutputSchema = z.object({
  id: id("rnd"),
  label: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  status: z.enum(["queued", "rendering", "done", "failed"]),
  error: z.string().nullable(),
  file_name: z.string(),
  bytes: z.number().int().nullable(),
  download_url: z.string().nullable().describe("Present once the file is done"),
  shot: z
    .object({ id: z.string(), label: z.string() })
    .nullable()
    .describe("The scene's extra shot this image draws; null: the scene's own camera"),
});

export const renderSchema = z.object({
  id: id("rb"),
  object: z.literal("render"),
  kind: z.enum(["image", "video"]),
  status: z
    .enum(["queued", "rendering", "done", "failed", "partially_failed"])
    .describe("queued/rendering while any output is; then done, failed, or partially_failed"),
  scene_id: z.string().nullable(),
  format: z.string(),
  quality: z.string(),
  transparent: z.boolean(),
  watermark: z.boolean(),
  livemode: z.boolean().describe("False for a test key's render: a free, small, watermarked Draft"),
  created_at: isoDate,
  status_url: z.string(),
  outputs: z.array(renderOutputSchema),
});

export const cancelRenderSchema = renderSchema.extend({
  cancelled: z.number().int().describe("Outputs stopped by this request"),
  refunded_credits: z.number().int(),
});

// ------------------------------------------------------------- render groups

const groupIds = (what: string, max: number) =>
  z
    .array(z.string().min(1, `Name the ${what}.`).max(80))
    .min(1, `Pick at least one ${what}.`)
    .max(max, `At most ${max} ${what}s at once.`);

/**
 * Template(s) × product(s): one scene and one render per combination, made as the app's "Render in batch" makes
 * them (lib/renders/create-render-group.ts). At most MAX_GROUP_BATCHES combinations (a 422 on `product_ids`).
 */
export const createRenderGroupBody = z
  .object({
    template_ids: groupIds("template", MAX_GROUP_BATCHES),
    product_ids: groupIds("product", MAX_GROUP_BATCHES),
    ratios: ratiosOf(RATIOS, RATIOS.length),
    quality: z.enum(["draft", "final"]).default("final"),
    format: z.enum(IMAGE_FORMAT_IDS).default("png"),
    transparent: z.boolean().default(false),
    multiplier: z.number().int().min(1).max(4).default(1).describe("Size multiplier on the ratio's 1080-class size"),
    tinted: z.boolean().default(false).describe("Tint the templates with the workspace's brand kit"),
    shots: z
      .enum(["none", "all"])
      .default("none")
      .describe(
        "all: each template's extra shots too, each in its own ratios (file names carry the shot); none: the main view only",
      ),
  })
  .refine((v) => new Set(v.product_ids).size * new Set(v.template_ids).size <= MAX_GROUP_BATCHES, {
    path: ["product_ids"],
    message: `At most ${MAX_GROUP_BATCHES} product × template combinations at once.`,
  })
  .refine((v) => !(v.transparent && !IMAGE_FORMATS[v.format].alpha), {
    path: ["transparent"],
    message: `This format has no transparency: pick ${alphaFormatLabels()}.`,
  });

const groupStatus = z
  .enum(["queued", "rendering", "done", "failed", "partially_failed"])
  .describe("queued/rendering while any output is; then done, failed, or partially_failed");

export const renderGroupSchema = z.object({
  id: id("rg"),
  object: z.literal("render_group"),
  title: z.string(),
  status: groupStatus,
  livemode: z.boolean().describe("False for a test key's group: free, small, watermarked Drafts"),
  created_at: isoDate,
  status_url: z.string(),
  outputs: z
    .object({ total: z.number().int(), done: z.number().int(), failed: z.number().int(), open: z.number().int() })
    .describe("Counts over every render of the group"),
  renders: z
    .array(
      z.object({
        id: id("rb"),
        product_id: z.string(),
        template_id: z.string(),
        scene_name: z.string(),
        status: groupStatus,
        status_url: z.string().describe("The render's own status, outputs and download URLs"),
      }),
    )
    .describe("One render per product × template"),
});
