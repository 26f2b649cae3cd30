import type { VideoFormatId } from "@/lib/formats";
import { MOTION_MAX_SECONDS, MOTION_MIN_SECONDS } from "@/lib/scene";

/**
 * Video presets by destination: each sets the ratios, frame rates, duration limits and format a platform takes,
 * kept inside Plinth's own 2-30 s range. The export API refuses a request outside its preset (422, nothing queued),
 * and the worker reads the finished file back and checks it against the preset (worker/video-check.ts).
 *
 * Where the limits come from (checked December 2026; platforms change them, so keep the sources with the numbers):
 *  - Instagram Reel: Meta Graph API, "Reels specifications" (developers.facebook.com/docs/instagram-platform/
 *    instagram-graph-api/reference/ig-user/media#reel-specifications): MP4/MOV, H.264, 9:16 recommended,
 *    23-60 fps, 3 s minimum (maximum 15 min via the API, 90 s in-app).
 *  - TikTok: TikTok for Developers, Content Posting API "Media transfer guide" (developers.tiktok.com/doc/
 *    content-posting-api-media-transfer-guide): MP4 (H.264 recommended), 23-60 fps, 360-4096 px a side; TikTok's
 *    ad specs (ads.tiktok.com/help/article/video-ads-specifications) ask 9:16 and at least 5 s.
 *  - YouTube Shorts: YouTube Help "Upload YouTube Shorts" (support.google.com/youtube/answer/12779649): square or
 *    vertical, up to 3 min; "Recommended upload encoding settings" (answer/1722171): MP4, H.264, 24-60 fps.
 *  - Shopify product video: Shopify Help "Adding media to products" (help.shopify.com/en/manual/products/
 *    product-media/product-media-types#video): MP4 or MOV, up to 10 min and 1 GB; product pages show square
 *    or 4:5 media best, 16:9 for a banner-style clip.
 *  - Email GIF: no platform rule; Litmus and Email on Acid advise GIFs under 1-2 MB and about 600 px wide (most
 *    clients show e-mails 600 px wide), and short loops. Our GIF writes each frame as its change from the last
 *    (app/render/session/record-gif.ts), so 10 s fits the 2 MB budget with room: a 10 s Final Turntable of the
 *    drink-can sample measured 384 KB at 600x600, 360 KB at 480x600 and 270 KB at 600x338 (bench:video,
 *    BENCH_ONLY=gif; whole frames were over 2 MB at 6 s). A glass product changes more per frame: the perfume
 *    bottle sample's 10 s square GIF was over 2 MB at 600 px and fitted at the ladder's 450 px, 128 colours.
 */
export const VIDEO_PRESET_IDS = ["instagram-reel", "tiktok", "youtube-shorts", "shopify", "email-gif"] as const;
export type VideoPresetId = (typeof VIDEO_PRESET_IDS)[number];

export type VideoPreset = {
  id: VideoPresetId;
  label: string;
  /** One line in the dialog: what the platform takes. */
  hint: string;
  format: VideoFormatId;
  /** The ratio labels of VIDEO_SIZES the platform takes; the first ones are ticked when the preset is picked. */
  ratios: readonly string[];
  defaultRatios: readonly string[];
  /** Frame rates the platform takes (GIFs are always drawn at GIF_FPS: the request's fps is ignored there). */
  fps: readonly number[];
  defaultFps: number;
  minS: number;
  maxS: number;
  defaultS: number;
};

const within = (n: number) => Math.min(MOTION_MAX_SECONDS, Math.max(MOTION_MIN_SECONDS, n));

export const VIDEO_PRESETS: Record<VideoPresetId, VideoPreset> = {
  "instagram-reel": {
    id: "instagram-reel",
    label: "Instagram Reel",
    hint: "9:16 MP4, 3–30 s",
    format: "mp4",
    ratios: ["9:16"],
    defaultRatios: ["9:16"],
    fps: [24, 30, 60],
    defaultFps: 30,
    minS: within(3),
    maxS: within(90),
    defaultS: 6,
  },
  tiktok: {
    id: "tiktok",
    label: "TikTok",
    hint: "9:16 MP4, 5–30 s",
    format: "mp4",
    ratios: ["9:16"],
    defaultRatios: ["9:16"],
    fps: [24, 30, 60],
    defaultFps: 30,
    minS: within(5),
    maxS: within(600),
    defaultS: 8,
  },
  "youtube-shorts": {
    id: "youtube-shorts",
    label: "YouTube Shorts",
    hint: "9:16 or 1:1 MP4, up to 30 s",
    format: "mp4",
    ratios: ["9:16", "1:1"],
    defaultRatios: ["9:16"],
    fps: [24, 30, 60],
    defaultFps: 30,
    minS: within(2),
    maxS: within(180),
    defaultS: 8,
  },
  shopify: {
    id: "shopify",
    label: "Shopify product video",
    hint: "1:1, 4:5 or 16:9 MP4, up to 30 s",
    format: "mp4",
    ratios: ["1:1", "4:5", "16:9"],
    defaultRatios: ["1:1"],
    fps: [24, 30],
    defaultFps: 30,
    minS: within(2),
    maxS: within(600),
    defaultS: 6,
  },
  "email-gif": {
    id: "email-gif",
    label: "Email GIF",
    hint: "GIF up to 600 px and 2 MB, 2–10 s",
    format: "gif",
    ratios: ["1:1", "4:5", "16:9"],
    defaultRatios: ["1:1"],
    fps: [24, 30, 60],
    defaultFps: 30,
    minS: within(2),
    maxS: within(10),
    defaultS: 4,
  },
};

export function isVideoPresetId(id: unknown): id is VideoPresetId {
  return typeof id === "string" && (VIDEO_PRESET_IDS as readonly string[]).includes(id);
}

/** Why a request does not fit its preset (one message per field), or nothing when it fits. */
export function presetProblems(
  preset: VideoPreset,
  request: {
    format: VideoFormatId;
    fps: number;
    durationS: number;
    outputs: readonly { width: number; height: number }[];
  },
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (request.durationS < preset.minS || request.durationS > preset.maxS)
    problems.push({
      path: ["durationS"],
      message: `${preset.label} takes ${preset.minS}-${preset.maxS} s videos, not ${request.durationS} s.`,
    });
  if (request.format !== preset.format)
    problems.push({
      path: ["format"],
      message: `${preset.label} is made as ${preset.format.toUpperCase()}, not ${request.format.toUpperCase()}.`,
    });
  if (preset.format !== "gif" && !preset.fps.includes(request.fps))
    problems.push({ path: ["fps"], message: `${preset.label} takes ${preset.fps.join(", ")} fps.` });
  request.outputs.forEach((o, i) => {
    const ratio = ratioLabel(o.width, o.height);
    if (!preset.ratios.includes(ratio))
      problems.push({
        path: ["outputs", i, "width"],
        message: `${preset.label} takes ${preset.ratios.join(" or ")} videos, not ${ratio}.`,
      });
  });
  return problems;
}

/** "9:16" for 1080x1920: the size's ratio in lowest terms. */
export function ratioLabel(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height) || 1;
  return `${width / d}:${height / d}`;
}
