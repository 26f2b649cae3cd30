/**
 * bench:quality's measured half: the three fixed reference scenes (./scenes), their path-traced references
 * (./references, committed), and how far Final and Draft are from them (DSSIM, ./perceptual.ts).
 *
 *  - makeReferences: path traces each scene (REFERENCE_SAMPLES, default 512, or REFERENCE_BUDGET_S seconds, whichever
 *    comes first, at 540x540) and writes the PNGs and
 *    references/meta.json (samples, time, samples per second, the renderer). `npm run bench:quality -- --reference`.
 *  - compareToReferences: draws Final and Draft of each scene at the same size and scores them (DSSIM as ssim.js
 *    sees it, about 256 px, and at full resolution); QUALITY_SHOTS=dir also writes the drawn PNGs there.
 *  - studioBudget: how many samples the Studio tier reaches at 1080x1080 in 60 and 120 s here.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Harness } from "./harness";
import type { DrawJob } from "./page";
import { dssim } from "./perceptual";
import { loadReferenceScenes, REFERENCES_DIR, type ReferenceScene } from "./reference-scene";

export const REFERENCE_SIZE = 540;
const log = (...args: unknown[]) => console.error("[bench:quality]", ...args);

function jobFor(scene: ReferenceScene, quality: DrawJob["quality"], size = REFERENCE_SIZE): DrawJob {
  return {
    templateId: scene.id,
    productId: scene.productId,
    palette: null,
    width: size,
    height: size,
    quality,
    document: scene.document,
  };
}

/** The traced picture (transparent where rays escape) over the scene's solid backdrop, as three clears it. */
export function overBackdrop(png: Buffer, scene: Pick<ReferenceScene, "document">): Promise<Buffer> {
  const backdrop = scene.document.background.kind === "solid" ? scene.document.background.color : "#ffffff";
  return sharp(png).flatten({ background: backdrop }).png({ compressionLevel: 9 }).toBuffer();
}

export async function makeReferences(harness: Harness) {
  const samples = Number(process.env.REFERENCE_SAMPLES ?? 512);
  // On a loaded CPU-only machine a cap on time keeps the run bounded; meta.json records the samples reached.
  const budgetS = process.env.REFERENCE_BUDGET_S ? Number(process.env.REFERENCE_BUDGET_S) : undefined;
  mkdirSync(REFERENCES_DIR, { recursive: true });
  const made = [];
  for (const scene of loadReferenceScenes()) {
    const { png, trace } = await harness.drawTraced({
      ...jobFor(scene, "final"),
      trace: { samples, budgetMs: budgetS && budgetS * 1000 },
    });
    if (!trace) throw new Error(`no trace for ${scene.id}`);
    // The tracer leaves escaped rays transparent: the committed reference carries the backdrop Final draws.
    writeFileSync(path.join(REFERENCES_DIR, `${scene.id}.png`), await overBackdrop(png, scene));
    const entry = {
      scene: scene.id,
      ...trace,
      samplesPerSecond: Math.round((trace.samples / trace.traceMs) * 1000 * 100) / 100,
    };
    log("reference", JSON.stringify(entry));
    made.push(entry);
  }
  const meta = {
    command: "npm run bench:quality -- --reference",
    size: `${REFERENCE_SIZE}x${REFERENCE_SIZE}`,
    renderer: harness.renderer,
    tracer: "three-gpu-pathtracer 0.0.24 (bounces 8, transmissive bounces 12)",
    made: new Date().toISOString(),
    scenes: made,
  };
  writeFileSync(path.join(REFERENCES_DIR, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
  return meta;
}

export async function compareToReferences(harness: Harness) {
  const scenes: {
    scene: string;
    finalDssim: number;
    draftDssim: number;
    finalDssimFull: number;
    draftDssimFull: number;
    finalMs: number;
  }[] = [];
  const shots = process.env.QUALITY_SHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  for (const scene of loadReferenceScenes()) {
    const reference = readFileSync(path.join(REFERENCES_DIR, `${scene.id}.png`));
    // A first Final draw warms shaders and the model cache: the timed one is a warm render, as in a batch.
    await harness.draw(jobFor(scene, "final"));
    const started = performance.now();
    const final = await harness.draw(jobFor(scene, "final"));
    const finalMs = Math.round(performance.now() - started);
    const draft = await harness.draw(jobFor(scene, "draft"));
    if (shots) {
      writeFileSync(path.join(shots, `${scene.id}-final.png`), final);
      writeFileSync(path.join(shots, `${scene.id}-draft.png`), draft);
    }
    const entry = {
      scene: scene.id,
      finalDssim: dssim(final, reference),
      draftDssim: dssim(draft, reference),
      finalDssimFull: dssim(final, reference, { fullResolution: true }),
      draftDssimFull: dssim(draft, reference, { fullResolution: true }),
      finalMs,
    };
    log("compare", JSON.stringify(entry));
    scenes.push(entry);
  }
  const mean = (key: "finalDssim" | "draftDssim" | "finalDssimFull" | "draftDssimFull") =>
    Math.round((scenes.reduce((sum, s) => sum + s[key], 0) / scenes.length) * 10000) / 10000;
  return {
    metric:
      "DSSIM = 1 - SSIM (ssim.js 3.5.0 defaults: downsampled to about 256 px), lower is closer; *Full: the same SSIM at full resolution",
    size: REFERENCE_SIZE,
    scenes,
    meanFinalDssim: mean("finalDssim"),
    meanDraftDssim: mean("draftDssim"),
    meanFinalDssimFull: mean("finalDssimFull"),
    meanDraftDssimFull: mean("draftDssimFull"),
  };
}

export async function studioBudget(harness: Harness, budgetsS: number[], out?: string) {
  const scene = loadReferenceScenes()[0];
  const results = [];
  for (const budget of budgetsS) {
    const { png, trace } = await harness.drawTraced({
      ...jobFor(scene, "final", 1080),
      trace: { samples: 1e6, budgetMs: budget * 1000 },
    });
    if (!trace) throw new Error("no trace");
    // Against the reference at its size: how clean the budget's picture is.
    const small = await sharp(await overBackdrop(png, scene))
      .resize(REFERENCE_SIZE, REFERENCE_SIZE)
      .png()
      .toBuffer();
    const reference = readFileSync(path.join(REFERENCES_DIR, `${scene.id}.png`));
    const entry = {
      scene: scene.id,
      size: "1080x1080",
      budgetS: budget,
      ...trace,
      dssimToReference: dssim(small, reference),
    };
    log("studio", JSON.stringify(entry));
    if (out) {
      // A fresh checkout has no bench-results/ yet: the run measured, then died writing the picture.
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, `studio-${budget}s.png`), png);
    }
    results.push(entry);
  }
  return results;
}
