import { describe, expect, it } from "vitest";
import { MOTION_MAX_SECONDS, MOTION_MIN_SECONDS } from "@/lib/scene";
import { presetProblems, ratioLabel, VIDEO_PRESET_IDS, VIDEO_PRESETS } from "./video-presets";
import { videoExportRequestSchema, VIDEO_SIZES } from "./video-export-options";

const reel = VIDEO_PRESETS["instagram-reel"];
const story = { width: 1080, height: 1920 };

describe("video presets", () => {
  it("keep every preset inside Plinth's own range and offer only sizes the Video tab has", () => {
    const ratios = VIDEO_SIZES.map((s) => s.label as string);
    for (const id of VIDEO_PRESET_IDS) {
      const p = VIDEO_PRESETS[id];
      expect(p.id).toBe(id);
      expect(p.minS).toBeGreaterThanOrEqual(MOTION_MIN_SECONDS);
      expect(p.maxS).toBeLessThanOrEqual(MOTION_MAX_SECONDS);
      expect(p.defaultS).toBeGreaterThanOrEqual(p.minS);
      expect(p.defaultS).toBeLessThanOrEqual(p.maxS);
      expect(p.fps).toContain(p.defaultFps);
      for (const r of [...p.ratios, ...p.defaultRatios]) expect(ratios).toContain(r);
      for (const r of p.defaultRatios) expect(p.ratios).toContain(r);
    }
  });

  it("names the platform limits: vertical MP4 for Reels and TikTok, a short GIF for e-mail", () => {
    expect(reel).toMatchObject({ format: "mp4", ratios: ["9:16"], minS: 3, maxS: 30 });
    expect(VIDEO_PRESETS.tiktok).toMatchObject({ format: "mp4", ratios: ["9:16"], minS: 5 });
    expect(VIDEO_PRESETS["email-gif"]).toMatchObject({ format: "gif", maxS: 10 });
  });

  it("reads a size's ratio in lowest terms", () => {
    expect(VIDEO_SIZES.map((s) => ratioLabel(s.width, s.height))).toEqual(VIDEO_SIZES.map((s) => s.label));
  });

  it("accepts a request that fits and says what does not", () => {
    expect(presetProblems(reel, { format: "mp4", fps: 30, durationS: 6, outputs: [story] })).toEqual([]);
    const problems = presetProblems(reel, {
      format: "gif",
      fps: 30,
      durationS: 2,
      outputs: [{ width: 1080, height: 1080 }],
    });
    expect(problems.map((p) => p.message)).toEqual([
      "Instagram Reel takes 3-30 s videos, not 2 s.",
      "Instagram Reel is made as MP4, not GIF.",
      "Instagram Reel takes 9:16 videos, not 1:1.",
    ]);
  });

  it("refuses, in the export schema, a duration outside the preset with the field's message", () => {
    const base = { move: "turntable", fps: 30, format: "gif", outputs: [{ label: "1:1", width: 1080, height: 1080 }] };
    expect(videoExportRequestSchema.safeParse({ ...base, preset: "email-gif", durationS: 4 }).success).toBe(true);
    const tooLong = videoExportRequestSchema.safeParse({ ...base, preset: "email-gif", durationS: 12 });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues).toEqual([
      expect.objectContaining({ path: ["durationS"], message: "Email GIF takes 2-10 s videos, not 12 s." }),
    ]);
    // Custom keeps Plinth's own 2-30 s range only.
    expect(videoExportRequestSchema.safeParse({ ...base, durationS: 12 }).success).toBe(true);
    expect(videoExportRequestSchema.safeParse({ ...base, preset: "myspace", durationS: 4 }).success).toBe(false);
  });
});
