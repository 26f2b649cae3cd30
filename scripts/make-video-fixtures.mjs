// Writes the small real video files worker/video-check.test.ts reads (run from the repo root: node scripts/make-video-fixtures.mjs).
// Encoded in Debian Chromium with WebCodecs + mediabunny (as the session page does) and gifenc; also prints whether
// this Chromium can encode H.264 and VP9 with alpha ("keep").
import { chromium } from "playwright-core";
import fs from "node:fs";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
await page.route("https://fixture.test/", (r) => r.fulfill({ contentType: "text/html", body: "<html></html>" }));
await page.goto("https://fixture.test/");
await page.addScriptTag({
  content:
    fs
      .readFileSync("node_modules/mediabunny/dist/bundles/mediabunny.min.cjs", "utf8")
      .replace(/^/, "var module={exports:{}};var exports=module.exports;") + "\nwindow.MB=module.exports;",
});
await page.addScriptTag({
  content:
    fs
      .readFileSync("node_modules/gifenc/dist/gifenc.js", "utf8")
      .replace(/^/, "var module={exports:{}};var exports=module.exports;") + "\nwindow.GE=module.exports;",
});
const out = await page.evaluate(async () => {
  const mb = window.MB;
  const res = {};
  res.avc = await mb.canEncodeVideo("avc", { width: 64, height: 48, bitrate: 500000 });
  res.vp9alpha = await VideoEncoder.isConfigSupported({
    codec: "vp09.00.10.08",
    width: 64,
    height: 48,
    alpha: "keep",
    bitrate: 500000,
  })
    .then((r) => r.supported + " " + JSON.stringify(r.config))
    .catch((e) => String(e));
  async function make(codec, fmt, fps, frames, w, h, fastStart = "in-memory") {
    const c = document.createElement("canvas");
    c.width = w;
    c.height = h;
    const g = c.getContext("2d");
    const target = new mb.BufferTarget();
    const output = new mb.Output({
      format: fmt === "mp4" ? new mb.Mp4OutputFormat({ fastStart }) : new mb.WebMOutputFormat(),
      target,
    });
    const src = new mb.CanvasSource(c, { codec, bitrate: 300000, keyFrameInterval: 1 });
    output.addVideoTrack(src, { frameRate: fps });
    await output.start();
    for (let i = 0; i < frames; i++) {
      g.fillStyle = `hsl(${i * 12},70%,50%)`;
      g.fillRect(0, 0, w, h);
      g.fillStyle = "#fff";
      g.fillRect(i * 2, 10, 10, 10);
      await src.add(i / fps, 1 / fps);
    }
    await output.finalize();
    return btoa(String.fromCharCode(...new Uint8Array(target.buffer)));
  }
  res.mp4 = await make("avc", "mp4", 10, 20, 64, 48);
  res["moov-last.mp4"] = await make("avc", "mp4", 10, 20, 64, 48, false);
  res.webm = await make("vp9", "webm", 10, 20, 64, 48);
  const G = window.GE;
  const gif = G.GIFEncoder();
  for (let i = 0; i < 6; i++) {
    const px = new Uint8ClampedArray(40 * 30 * 4).map((_, k) => (k % 4 === 3 ? 255 : (i * 40 + k) % 255));
    const pal = G.quantize(px, 16);
    gif.writeFrame(G.applyPalette(px, pal), 40, 30, { palette: pal, delay: 50, repeat: 0 });
  }
  gif.finish();
  res.gif = btoa(String.fromCharCode(...gif.bytesView()));
  return res;
});
console.log(out.avc, out.vp9alpha);
for (const k of ["mp4", "webm", "gif", "moov-last.mp4"])
  fs.writeFileSync(`worker/__fixtures__/small.${k}`, Buffer.from(out[k], "base64"));
await browser.close();
