import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signedInAccount } from "./fixtures/accounts";
import { decodePng, hexToRgb, near, pixel } from "./fixtures/images";
import { startWorker, stopWorker } from "./fixtures/worker";
import { watermarkLayout } from "../worker/watermark";

/**
 * Videos from a real worker: a 4 s 256x256 Turntable as MP4 and as WebM, read back with mediabunny in the browser
 * (container, codec, size, frame count, fps, duration) and decoded frame by frame to check what a viewer sees:
 * frame 0 is the still Draft of the same camera, the middle frame has turned, the last comes back round. Also an
 * Email GIF checked against its preset, the preset's longest GIF within its byte budget, a preset refusal in the dialog, and a still that does not wait for a video.
 */
const BACKGROUND = "#3366cc";
const SIZE = 256;
const FPS = 30;
const SECONDS = 2;
// The turntable test's length: 4 s, so one frame is a 3 degree turn (a box's edges move little between frames).
const TURN_SECONDS = 4;
const TURN_FRAMES = TURN_SECONDS * FPS;

type VideoItem = {
  format: string;
  framesDone: number;
  framesTotal: number;
  posterUrl: string | null;
  details: {
    codec: string;
    container: string;
    fps: number;
    durationS: number;
    frames: number;
    fallback: string | null;
  };
};
type Output = {
  id: string;
  status: string;
  fileName: string;
  url: string | null;
  error: string | null;
  video: VideoItem | null;
};

async function waitForBatch(request: APIRequestContext, batchId: string, timeoutMs = 480_000): Promise<Output[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { batches } = await (await request.get("/api/renders")).json();
    const outputs: Output[] = batches.find((b: { id: string }) => b.id === batchId)?.outputs ?? [];
    if (outputs.length && outputs.every((o) => o.status === "done" || o.status === "failed")) return outputs;
    if (Date.now() > until) throw new Error(`batch not finished: ${outputs.map((o) => o.status).join(",")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Top-level MP4 boxes in file order ("ftyp", "moov", "mdat"...). */
function topLevelBoxes(bytes: Buffer): string[] {
  const boxes: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    boxes.push(type);
    if (size < 8) break;
    offset += size;
  }
  return boxes;
}

type ReadBack = {
  codec: string | null;
  width: number;
  height: number;
  duration: number;
  packets: number;
  packetRate: number;
  frameDurations: number[];
  frames: Record<string, string>;
};

/**
 * Reads a video back in the browser with mediabunny (served from node_modules on this origin, no CDN): its
 * track's codec, size, duration and packets, and the pixels of the frames at the given indices (RGBA, base64).
 */
async function readBackPage(page: Page): Promise<void> {
  const bundle = fs.readFileSync(path.join("node_modules/mediabunny/dist/bundles/mediabunny.min.mjs"), "utf8");
  await page.route("**/__video-readback/mediabunny.mjs", (route) =>
    route.fulfill({ body: bundle, contentType: "text/javascript" }),
  );
  await page.route("**/__video-readback/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><script type="module">import * as mb from "./mediabunny.mjs"; window.mb = mb; window.mbReady = true;</script>`,
    }),
  );
  await page.goto("/__video-readback/");
  await page.waitForFunction(() => (window as unknown as { mbReady?: boolean }).mbReady === true);
}

async function readBack(page: Page, url: string, frameIndices: number[]): Promise<ReadBack> {
  await readBackPage(page);
  return page.evaluate(
    async ({ url, frameIndices }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle's global, typed by the test's use
      const mb = (window as any).mb;
      const bytes = await (await fetch(url)).arrayBuffer();
      const input = new mb.Input({ source: new mb.BufferSource(bytes), formats: mb.ALL_FORMATS });
      const track = await input.getPrimaryVideoTrack();
      const stats = await track.computePacketStats();
      const frameDurations: number[] = [];
      const packets = new mb.EncodedPacketSink(track);
      for await (const packet of packets.packets()) frameDurations.push(packet.duration);
      const canvas = document.createElement("canvas");
      canvas.width = track.displayWidth;
      canvas.height = track.displayHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true })!;
      const frames: Record<string, string> = {};
      const sink = new mb.VideoSampleSink(track);
      let index = 0;
      for await (const sample of sink.samples()) {
        if (frameIndices.includes(index)) {
          sample.draw(context, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let binary = "";
          for (let i = 0; i < data.length; i += 0x8000)
            binary += String.fromCharCode(...data.subarray(i, Math.min(i + 0x8000, data.length)));
          frames[index] = btoa(binary);
        }
        sample.close();
        index++;
      }
      return {
        codec: await track.getCodec(),
        width: track.displayWidth,
        height: track.displayHeight,
        duration: await input.computeDuration(),
        packets: stats.packetCount,
        packetRate: stats.averagePacketRate,
        frameDurations,
        frames,
      };
    },
    { url, frameIndices },
  );
}

/** Mean absolute difference per channel (0-255) of two RGBA images of one size, alpha left out. */
/** Near-white pixels inside the trial watermark's box (white text on this test's blue background). */
function watermarkPixels(rgbaPixels: Uint8Array | Buffer, width: number, height: number): number {
  const box = watermarkLayout(width, height);
  if (!box) return 0;
  let count = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width; x++) {
      const i = (y * width + x) * 4;
      if (Math.min(rgbaPixels[i], rgbaPixels[i + 1], rgbaPixels[i + 2]) > 215) count++;
    }
  return count;
}

function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let c = 0; c < 3; c++) sum += Math.abs(a[i + c] - b[i + c]);
    count += 3;
  }
  return sum / count;
}

const rgba = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));

test.describe("video export", () => {
  test.describe.configure({ timeout: 900_000 });
  let worker: ReturnType<typeof startWorker> | undefined;
  test.beforeAll(() => {
    worker = startWorker("video-worker");
  });
  test.afterAll(async () => {
    await stopWorker(worker);
  });

  test("a 4 s Turntable as MP4 and WebM reads back frame-exact, starts on the still and loops", async ({ page }) => {
    await signedInAccount(page);
    const request = page.request;
    // The kraft box has its printed label on the front face only: half a turn of the stage shows its plain back
    // (a can's label would look much the same from every side under the fixed lights).
    const { id: sceneId } = await (
      await request.post("/api/scenes", { data: { productId: "sample_kraft-box" } })
    ).json();
    const { scene } = await (await request.get(`/api/scenes/${sceneId}`)).json();
    const saved = await request.put(`/api/scenes/${sceneId}`, {
      data: { document: { ...scene.document, background: { kind: "solid", color: BACKGROUND } } },
    });
    expect(saved.status()).toBe(200);

    const outputs = [{ label: "1:1", width: SIZE, height: SIZE }];
    const video = (format: string) =>
      request.post(`/api/scenes/${sceneId}/export-video`, {
        data: { move: "turntable", durationS: TURN_SECONDS, fps: FPS, outputs, format, quality: "draft" },
      });
    const mp4Res = await video("mp4");
    expect(mp4Res.status(), await mp4Res.text()).toBe(201);
    const webmRes = await video("webm");
    expect(webmRes.status(), await webmRes.text()).toBe(201);
    const stillRes = await request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs, format: "png", quality: "draft" },
    });
    expect(stillRes.status()).toBe(201);

    const [still] = await waitForBatch(request, (await stillRes.json()).batchId);
    const [mp4] = await waitForBatch(request, (await mp4Res.json()).batchId);
    const [webm] = await waitForBatch(request, (await webmRes.json()).batchId);
    expect([still.status, mp4.status, webm.status], JSON.stringify([mp4.error, webm.error])).toEqual([
      "done",
      "done",
      "done",
    ]);
    const stillPng = decodePng(await (await request.get(still.url!)).body());

    // Debian's Chromium encodes H.264: no fallback, a real MP4 with its moov before the media data.
    expect(mp4.video).toMatchObject({ format: "mp4", framesDone: TURN_FRAMES, framesTotal: TURN_FRAMES });
    expect(mp4.video!.details).toEqual({
      codec: "avc",
      container: "mp4",
      fps: FPS,
      durationS: TURN_SECONDS,
      frames: TURN_FRAMES,
      fallback: null,
      preset: null,
    });
    expect(mp4.fileName).toMatch(/\.mp4$/);
    const mp4File = await request.get(mp4.url!);
    expect(mp4File.headers()["content-type"]).toBe("video/mp4");
    const boxes = topLevelBoxes(await mp4File.body());
    expect(boxes[0]).toBe("ftyp");
    expect(boxes.indexOf("moov")).toBeGreaterThan(-1);
    expect(boxes.indexOf("moov")).toBeLessThan(boxes.indexOf("mdat"));
    // Seeking players ask for ranges.
    const range = await request.get(mp4.url!, { headers: { range: "bytes=0-99" } });
    expect(range.status()).toBe(206);
    expect(webm.video!.details).toMatchObject({ codec: "vp9", container: "webm", frames: TURN_FRAMES });
    expect((await request.get(webm.url!)).headers()["content-type"]).toBe("video/webm");

    // The poster is frame 0 as a PNG.
    const poster = decodePng(await (await request.get(mp4.video!.posterUrl!)).body());
    expect([poster.width, poster.height]).toEqual([SIZE, SIZE]);

    const last = TURN_FRAMES - 1;
    const [quarter, middle] = [TURN_FRAMES / 4, TURN_FRAMES / 2];
    for (const [output, codec] of [
      [mp4, "avc"],
      [webm, "vp9"],
    ] as const) {
      const back = await readBack(page, output.url!, [0, 1, quarter, middle, last]);
      expect(back.codec).toBe(codec);
      expect([back.width, back.height]).toEqual([SIZE, SIZE]);
      expect(back.packets).toBe(TURN_FRAMES);
      expect(back.duration).toBeCloseTo(TURN_SECONDS, 6);
      // MP4 keeps exact frame times (a 1/30 s timescale); WebM counts milliseconds (33 or 34 ms a frame).
      const tick = codec === "avc" ? 1e-9 : 1e-3 + 1e-9;
      expect(back.packetRate).toBeCloseTo(FPS, codec === "avc" ? 6 : 1);
      expect(
        back.frameDurations.every((d) => Math.abs(d - 1 / FPS) <= tick),
        JSON.stringify(back.frameDurations),
      ).toBe(true);

      const frame0 = rgba(back.frames[0]);
      const still0 = new Uint8Array(stillPng.data);
      // Frame 0 is the still's picture, up to the codec's loss.
      expect(meanDifference(frame0, still0), `${codec} frame 0 vs the still`).toBeLessThan(6);
      // The background colour reaches the corner of every frame.
      expect(near([frame0[0], frame0[1], frame0[2]], hexToRgb(BACKGROUND), 12)).toBe(true);
      // The stage turns under the fixed lights: one frame's step, the step from the last frame back round to the
      // first (a seamless loop: an ordinary step, no jump) and half a turn (the box's plain back: clearly more).
      const diff = (i: number) => meanDifference(rgba(back.frames[i]), frame0);
      const [step, wrap] = [diff(1), diff(last)];
      expect(wrap, `${codec} last frame back to the first`).toBeLessThan(6);
      expect(wrap, `${codec} wrap step ${wrap} vs an ordinary step ${step}`).toBeLessThan(1.5 * step + 0.5);
      expect(wrap).toBeGreaterThan(0.5 * step);
      expect(diff(middle), `${codec} middle frame`).toBeGreaterThan(1.5 * wrap);
      expect(diff(quarter), `${codec} quarter turn`).toBeGreaterThan(wrap);
      // A trial workspace's video carries the watermark on every frame, as its still does (fewer near-white pixels:
      // the browser sets the mark's text a little narrower than the still's SVG renderer, and 4:2:0 chroma softens
      // its thin strokes; without the mark the box is this test's blue background, none).
      const markInStill = watermarkPixels(stillPng.data, SIZE, SIZE);
      expect(markInStill, "the still's watermark").toBeGreaterThan(40);
      for (const i of [0, middle, last]) {
        const mark = watermarkPixels(rgba(back.frames[i]), SIZE, SIZE);
        expect(mark, `${codec} frame ${i}'s watermark vs the still's ${markInStill}`).toBeGreaterThan(
          markInStill * 0.3,
        );
      }
    }
    expect(near(pixel(stillPng, 2, 2).slice(0, 3), hexToRgb(BACKGROUND))).toBe(true);

    // Downloads: one by one, and the batch's ZIP holds the video.
    const download = await request.get(`${mp4.url}?download=1`);
    expect(download.headers()["content-disposition"]).toContain(mp4.fileName);
    const zip = unzipSync(
      new Uint8Array(await (await request.get(`/api/renders/batches/${(await mp4Res.json()).batchId}/zip`)).body()),
    );
    expect(Object.keys(zip)).toEqual([mp4.fileName]);
  });

  test("an Email GIF (preset) loops at 20 fps, within its size and byte budget, checked on the worker", async ({
    page,
  }) => {
    await signedInAccount(page);
    const request = page.request;
    const { id: sceneId } = await (
      await request.post("/api/scenes", { data: { productId: "sample_drink-can" } })
    ).json();
    const res = await request.post(`/api/scenes/${sceneId}/export-video`, {
      data: {
        move: "turntable",
        durationS: SECONDS,
        fps: FPS,
        outputs: [{ label: "16:9", width: 1920, height: 1080 }],
        format: "gif",
        quality: "draft",
        preset: "email-gif",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const [gif] = await waitForBatch(request, (await res.json()).batchId);
    expect(gif.status, gif.error ?? "").toBe("done");
    expect(gif.video!.details).toMatchObject({
      codec: "gif",
      container: "gif",
      fps: 20,
      frames: 40,
      preset: "email-gif",
    });
    const file = await request.get(gif.url!);
    expect(file.headers()["content-type"]).toBe("image/gif");
    const bytes = await file.body();
    expect(bytes.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(bytes.toString("latin1", 0, 6)).toBe("GIF89a");
    await readBackPage(page);
    const decoded = await page.evaluate(async (url) => {
      const data = await (await fetch(url)).arrayBuffer();
      const decoder = new ImageDecoder({ data, type: "image/gif" });
      await decoder.tracks.ready;
      const track = decoder.tracks.selectedTrack!;
      const first = await decoder.decode({ frameIndex: 0 });
      const result = {
        frames: track.frameCount,
        animated: track.animated,
        width: first.image.displayWidth,
        height: first.image.displayHeight,
        duration: first.image.duration,
      };
      first.image.close();
      return result;
    }, gif.url!);
    // 16:9 at 1920x1080 becomes 600x338: at most 600 px a side.
    expect(decoded).toEqual({ frames: 40, animated: true, width: 600, height: 338, duration: 50_000 });
  });

  test("the Email GIF preset's longest, a 10 s square Final of the glass sample, fits 2 MB, turns and loops", async ({
    page,
  }) => {
    await signedInAccount(page);
    const request = page.request;
    // The perfume bottle, not the drink can: a can turns into nearly the same picture, a bottle does not.
    const { id: sceneId } = await (
      await request.post("/api/scenes", { data: { productId: "sample_perfume-bottle" } })
    ).json();
    const res = await request.post(`/api/scenes/${sceneId}/export-video`, {
      data: {
        move: "turntable",
        durationS: 10,
        fps: FPS,
        outputs: [{ label: "1:1", width: 1080, height: 1080 }],
        format: "gif",
        quality: "final",
        preset: "email-gif",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const [gif] = await waitForBatch(request, (await res.json()).batchId);
    // Before frames were written as their change from the screen, this failed: "over its 2 MB budget".
    expect(gif.status, gif.error ?? "").toBe("done");
    expect(gif.video!.details).toMatchObject({ codec: "gif", fps: 20, frames: 200, preset: "email-gif" });
    const bytes = await (await request.get(gif.url!)).body();
    expect(bytes.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    await readBackPage(page);
    // What a mail client shows: each frame composited over the ones before it (transparent = unchanged).
    const seen = await page.evaluate(async (url) => {
      const data = await (await fetch(url)).arrayBuffer();
      const decoder = new ImageDecoder({ data, type: "image/gif" });
      await decoder.tracks.ready;
      const frames = decoder.tracks.selectedTrack!.frameCount;
      const pixelsOf = async (frameIndex: number) => {
        const { image } = await decoder.decode({ frameIndex });
        const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        image.close();
        return { width: canvas.width, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
      };
      const first = await pixelsOf(0);
      const meanDiff = (other: Uint8ClampedArray) => {
        let sum = 0;
        for (let i = 0; i < other.length; i += 4)
          sum += Math.abs(other[i] - first.data[i]) + Math.abs(other[i + 1] - first.data[i + 1]);
        return sum / (other.length / 2);
      };
      // A quarter turn: a bottle (flat, or round) looks much the same after half a turn, not after a quarter.
      const quarter = meanDiff((await pixelsOf(50)).data);
      const last = meanDiff((await pixelsOf(199)).data);
      return { frames, width: first.width, quarter, last };
    }, gif.url!);
    // 600 px when it fits; a glass bottle measured over 2 MB there and came out at the ladder's 450 px, 128 colours.
    expect(seen.frames).toBe(200);
    expect([600, 450]).toContain(seen.width);
    // A quarter turn shows the product turned; the last frame is one step before the loop's start (measured: a
    // mean difference of 1.1 of 255, the change tolerance included).
    console.log("[video.spec] 10 s GIF", bytes.length, "bytes", seen);
    expect(seen.quarter).toBeGreaterThan(seen.last * 2);
    expect(seen.last).toBeLessThan(6);
  });

  test("the Video tab's destination preset refuses a too-short Reel in the dialog and queues nothing", async ({
    page,
  }) => {
    await signedInAccount(page);
    const { id: sceneId } = await (
      await page.request.post("/api/scenes", { data: { productId: "sample_drink-can" } })
    ).json();
    await page.goto(`/scenes/${sceneId}`);
    await page.getByRole("button", { name: "Export", exact: true }).click();
    await page.getByRole("tab", { name: "Video" }).click();
    await page.getByLabel("Destination").selectOption("instagram-reel");
    // The preset sets what Instagram takes: 9:16 only, MP4 only.
    await expect(page.getByRole("checkbox", { name: /9:16 Story/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /1:1 Square/ })).toBeDisabled();
    await expect(page.getByRole("radio", { name: "GIF" })).toBeDisabled();
    await page.getByLabel("Duration (seconds)").fill("2");
    await expect(page.getByText("Instagram Reel: 3–30 s")).toBeVisible();
    await page.getByRole("button", { name: "Export video" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Instagram Reel takes 3-30 s videos, not 2 s." }),
    ).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/scenes/${sceneId}`));
    const { batches } = await (await page.request.get("/api/renders")).json();
    expect(batches).toEqual([]);
  });

  test("a still exported while a video renders is drawn between its frames, long before the video ends", async ({
    page,
  }) => {
    await signedInAccount(page);
    const request = page.request;
    const { id: sceneId } = await (
      await request.post("/api/scenes", { data: { productId: "sample_drink-can" } })
    ).json();
    const outputs = [{ label: "1:1", width: SIZE, height: SIZE }];
    const videoRes = await request.post(`/api/scenes/${sceneId}/export-video`, {
      data: { move: "turntable", durationS: 10, fps: FPS, outputs, format: "mp4", quality: "draft" },
    });
    expect(videoRes.status(), await videoRes.text()).toBe(201);
    const videoBatch = (await videoRes.json()).batchId;
    const outputOf = async (batchId: string): Promise<Output | undefined> => {
      const { batches } = await (await request.get("/api/renders")).json();
      return batches.find((b: { id: string }) => b.id === batchId)?.outputs[0];
    };
    // Wait until the video is drawing its frames, then ask for a still.
    await expect
      .poll(async () => (await outputOf(videoBatch))?.video?.framesDone ?? 0, { timeout: 300_000 })
      .toBeGreaterThan(0);
    const queuedAt = Date.now();
    const stillRes = await request.post(`/api/scenes/${sceneId}/export`, {
      data: { outputs, format: "png", quality: "draft" },
    });
    expect(stillRes.status()).toBe(201);
    const stillBatch = (await stillRes.json()).batchId;
    let stillDoneWhileVideo: { status: string; framesDone: number } | null = null;
    for (;;) {
      const [still, video] = [await outputOf(stillBatch), await outputOf(videoBatch)];
      if (still?.status === "done") {
        stillDoneWhileVideo = { status: video!.status, framesDone: video!.video!.framesDone };
        break;
      }
      expect(still?.status).not.toBe("failed");
      if (Date.now() - queuedAt > 300_000) throw new Error("the still never finished");
      await new Promise((r) => setTimeout(r, 250));
    }
    const stillMs = Date.now() - queuedAt;
    const [video] = await waitForBatch(request, videoBatch);
    const videoMs = Date.now() - queuedAt;
    console.log(
      `[video.spec] still done ${stillMs} ms after it was queued; the video ${videoMs} ms`,
      stillDoneWhileVideo,
    );
    // The still did not wait for the video: it finished while the video was still drawing, frames to go.
    expect(stillDoneWhileVideo).toMatchObject({ status: "rendering" });
    expect(stillDoneWhileVideo!.framesDone).toBeLessThan(300);
    // And the video it interrupted is whole.
    expect(video.status, video.error ?? "").toBe("done");
    expect(video.video!.details).toMatchObject({ frames: 300, codec: "avc" });
  });
});
