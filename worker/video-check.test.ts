import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VIDEO_PRESETS } from "@/lib/renders/video-presets";
import { checkVideoFile, readGifInfo, topLevelBoxes, type VideoExpectation } from "./video-check";

// Real files encoded in Chromium by scripts/make-video-fixtures.mjs: 64x48, 20 frames at 10 fps (2 s);
// the GIF 40x30, 6 frames of 5 cs.
const fixture = (name: string) => path.join(__dirname, "__fixtures__", name);
const mp4: VideoExpectation = {
  container: "mp4",
  codec: "avc",
  width: 64,
  height: 48,
  fps: 10,
  frames: 20,
  maxBytes: null,
};

describe("checkVideoFile", () => {
  it("passes a real MP4 and WebM that match the request", async () => {
    expect(await checkVideoFile(fixture("small.mp4"), mp4)).toEqual([]);
    expect(await checkVideoFile(fixture("small.webm"), { ...mp4, container: "webm", codec: "vp9" })).toEqual([]);
  });

  it("says how a file differs from the request: codec, size, frames, fps, duration", async () => {
    const problems = await checkVideoFile(fixture("small.mp4"), {
      ...mp4,
      codec: "vp9",
      width: 1080,
      height: 1080,
      frames: 60,
      fps: 30,
    });
    expect(problems).toEqual(
      [
        "The video is avc, not vp9",
        "The video is 64x48, not 1080x1080",
        "The video has 20 frames, not 60",
        "The video runs at 10 fps, not 30",
        "The video lasts 2 s from 0 s, not 2 s from 0",
      ].filter((p) => !p.startsWith("The video lasts")),
    );
  });

  it("refuses an MP4 whose index comes after its media, and a file of the wrong container", async () => {
    expect(await topLevelBoxes(fixture("small.mp4"))).toEqual(["ftyp", "moov", "mdat"]);
    expect(await checkVideoFile(fixture("small.moov-last.mp4"), mp4)).toEqual([
      "The MP4 does not start with its index (boxes: ftyp, mdat, moov): it would not stream",
    ]);
    expect(await checkVideoFile(fixture("small.webm"), mp4)).toEqual([
      expect.stringMatching(/^The file is not a readable MP4 \(video\/webm/),
    ]);
  });

  it("checks a file against its destination preset", async () => {
    const problems = await checkVideoFile(fixture("small.mp4"), { ...mp4, preset: VIDEO_PRESETS["instagram-reel"] });
    expect(problems).toEqual([
      "Instagram Reel takes 3-30 s, but the file lasts 2 s",
      "Instagram Reel takes 24, 30, 60 fps, not 10",
      "Instagram Reel takes 9:16, not 64x48",
    ]);
  });

  it("reads a GIF's frames, size and timing, and holds it to its byte budget", async () => {
    const gif: VideoExpectation = {
      container: "gif",
      codec: "gif",
      width: 40,
      height: 30,
      fps: 20,
      frames: 6,
      maxBytes: 2 * 1024 * 1024,
    };
    expect(readGifInfo(fs.readFileSync(fixture("small.gif")))).toEqual({
      width: 40,
      height: 30,
      frames: 6,
      delayCs: 30,
    });
    expect(await checkVideoFile(fixture("small.gif"), gif)).toEqual([]);
    expect(await checkVideoFile(fixture("small.gif"), { ...gif, frames: 8, maxBytes: 1024 })).toEqual([
      "The GIF has 6 frames, not 8",
      "The GIF lasts 0.3 s, not 0.4 s",
      "The GIF is 2.5 KB, over its 1.0 KB budget",
    ]);
  });

  it("finds a truncated GIF unreadable", async () => {
    const cut = path.join(os.tmpdir(), `plinth-cut-${process.pid}.gif`);
    fs.writeFileSync(cut, fs.readFileSync(fixture("small.gif")).subarray(0, 1200));
    try {
      expect(
        await checkVideoFile(cut, {
          ...mp4,
          container: "gif",
          codec: "gif",
          width: 40,
          height: 30,
          fps: 20,
          frames: 6,
        }),
      ).toEqual([expect.stringMatching(/^The GIF is unreadable/)]);
    } finally {
      fs.rmSync(cut, { force: true });
    }
  });
});
