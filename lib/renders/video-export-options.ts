import { z } from "zod";
import { VIDEO_FORMAT_IDS, VIDEO_FORMATS } from "@/lib/formats";
import { presetProblems, VIDEO_PRESET_IDS, VIDEO_PRESETS } from "./video-presets";
import { MOTION_FPS, MOTION_MAX_SECONDS, MOTION_MIN_SECONDS, MOTION_MOVES, MOVE_LABELS } from "@/lib/scene";

/** 1080-class sizes per ratio, as the Video tab offers them. */
export const VIDEO_SIZES = [
  { label: "1:1", name: "1:1 Square", width: 1080, height: 1080 },
  { label: "4:5", name: "4:5 Portrait", width: 1080, height: 1350 },
  { label: "9:16", name: "9:16 Story", width: 1080, height: 1920 },
  { label: "16:9", name: "16:9 Landscape", width: 1920, height: 1080 },
] as const;

/** The longest side of a video frame (1080p class). */
export const MAX_VIDEO_PX = 1920;
export const DEFAULT_VIDEO_SECONDS = 6;
export const DEFAULT_VIDEO_FPS = 30;

const moveNames = MOTION_MOVES.map((m) => MOVE_LABELS[m]).join(", ");

const videoSizeSchema = z.object({
  label: z.string().trim().min(1).max(40),
  width: z.number().int().min(16, "At least 16 px.").max(MAX_VIDEO_PX, `At most ${MAX_VIDEO_PX} px for a video.`),
  height: z.number().int().min(16, "At least 16 px.").max(MAX_VIDEO_PX, `At most ${MAX_VIDEO_PX} px for a video.`),
});

/** POST /api/scenes/:id/export-video: one video per size, all with the same move. */
export const videoExportRequestSchema = z
  .object({
    move: z.enum(MOTION_MOVES, { errorMap: () => ({ message: `Pick a move: ${moveNames}.` }) }),
    durationS: z
      .number({ invalid_type_error: "The duration is a number of seconds." })
      .min(MOTION_MIN_SECONDS, `A video lasts at least ${MOTION_MIN_SECONDS} seconds.`)
      .max(MOTION_MAX_SECONDS, `A video lasts at most ${MOTION_MAX_SECONDS} seconds.`)
      .default(DEFAULT_VIDEO_SECONDS),
    fps: z
      .number()
      .refine((fps) => (MOTION_FPS as readonly number[]).includes(fps), `Pick ${MOTION_FPS.join(", ")} fps.`)
      .default(DEFAULT_VIDEO_FPS)
      .transform((fps) => fps as (typeof MOTION_FPS)[number]),
    outputs: z.array(videoSizeSchema).min(1, "Pick at least one ratio.").max(4, "At most 4 ratios at once."),
    format: z.enum(VIDEO_FORMAT_IDS, { errorMap: () => ({ message: "Pick MP4, WebM or GIF." }) }).default("mp4"),
    quality: z.enum(["draft", "final"]).default("final"),
    /**
     * The backdrop a transparent scene's video is drawn on: no format here keeps alpha (H.264 and GIF have none,
     * and Chromium's VP9 encoder refuses `alpha: "keep"`), so the Video tab asks for a colour instead.
     */
    backdrop: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #ffffff for the backdrop.")
      .transform((c) => c.toLowerCase())
      .default("#ffffff"),
    /** A destination preset (./video-presets.ts) the video must fit, or "custom". */
    preset: z
      .enum(["custom", ...VIDEO_PRESET_IDS], {
        errorMap: () => ({
          message: `Pick a preset: ${Object.values(VIDEO_PRESETS)
            .map((p) => p.label)
            .join(", ")} or Custom.`,
        }),
      })
      .default("custom"),
  })
  .superRefine((request, ctx) => {
    if (request.preset !== "custom")
      for (const problem of presetProblems(VIDEO_PRESETS[request.preset], request))
        ctx.addIssue({ code: "custom", ...problem });
    if (!VIDEO_FORMATS[request.format].evenSize) return;
    request.outputs.forEach((o, i) => {
      if (o.width % 2 !== 0 || o.height % 2 !== 0)
        ctx.addIssue({
          code: "custom",
          path: ["outputs", i, "width"],
          message: `H.264 needs even sizes: ${o.width}×${o.height} has an odd side.`,
        });
    });
  });

export type VideoExportRequest = z.infer<typeof videoExportRequestSchema>;
