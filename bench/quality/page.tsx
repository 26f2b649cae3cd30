/**
 * The bench:quality page: the app's own SceneCanvas (the renderer the worker captures), bundled on its own with
 * esbuild so the bench needs no Next build, server or database. window.__draw(job) draws one built-in template
 * with a sample product and a brand palette, and resolves with the PNG once the frame is ready.
 */
import { addAfterEffect } from "@react-three/fiber";
import { createRoot } from "react-dom/client";
import { useEffect, useState } from "react";
import { useThree, type RootState } from "@react-three/fiber";
import SceneCanvas from "@/components/scene/scene-canvas";
import type { SceneDocument } from "@/lib/scene";
import { getSampleProduct } from "@/lib/products/samples";
import { getBuiltInTemplate } from "@/lib/scene/templates";
import { instantiateTemplate } from "@/lib/templates/instantiate";
import { pathTrace, type TraceOptions, type TraceResult } from "@/components/scene/path-trace";

export interface DrawJob {
  templateId: string;
  productId: string;
  palette: string[] | null;
  width: number;
  height: number;
  quality: "draft" | "final";
  /** Replaces the podium colour after tinting (the bench's podium mask: two draws that differ only there). */
  podiumColor?: string;
  /** Top-level document keys to replace (diagnostics: one light at a time, shadows off...). */
  patch?: Partial<SceneDocument>;
  /** Seconds into the document's motion: a video frame (the look's video tier). */
  time?: number;
  /** "pixel": resolve with an empty PNG url after a one-pixel read (timing a frame without the PNG encode). */
  readback?: "png" | "pixel";
  /** Draw this document instead of the template's (a fixed reference scene; templateId is then only a label). */
  document?: SceneDocument;
  /** Path trace the drawn scene (the reference, or the Studio tier's budget) instead of keeping the raster. */
  trace?: TraceOptions;
}

export interface DrawResult {
  png: string;
  trace?: TraceResult;
}

type Pending = { job: DrawJob; document: SceneDocument; url: string; resolve: (result: DrawResult) => void };

declare global {
  interface Window {
    __draw: (job: DrawJob) => Promise<DrawResult>;
    __document: (job: DrawJob) => SceneDocument;
    /** Frames three has drawn on this page (a bench checks that a job costs one). */
    __framesDrawn: () => number;
  }
}

function documentFor(job: DrawJob): { document: SceneDocument; url: string } {
  if (job.document) {
    const sample = getSampleProduct(job.productId);
    if (!sample) throw new Error(`unknown product: ${job.productId}`);
    return { document: job.document, url: sample.file };
  }
  const template = getBuiltInTemplate(job.templateId);
  const sample = getSampleProduct(job.productId);
  if (!template || !sample) throw new Error(`unknown template or product: ${job.templateId} ${job.productId}`);
  const document = instantiateTemplate(template, {
    productId: sample.id,
    productSize: sample.dimensionsM,
    brandPalette: job.palette,
  });
  if (job.podiumColor && document.stage.podium) document.stage.podium.color = job.podiumColor;
  return { document: { ...document, ...job.patch }, url: sample.file };
}

/** The canvas's three.js state, for the path tracer (rendered inside SceneCanvas as its child). */
let three: RootState | null = null;
function CaptureState() {
  const state = useThree();
  useEffect(() => {
    three = state;
  });
  return null;
}

/** Reads the canvas, path tracing it first when the job asks for it. */
async function finish(job: DrawJob, resolve: (result: DrawResult) => void) {
  const canvas = window.document.querySelector<HTMLCanvasElement>('[data-testid="scene-canvas"] canvas');
  if (canvas && job.readback === "pixel") {
    // A one-pixel read waits for the GPU side to finish the frame (Chromium's finish() is only a flush).
    const gl = canvas.getContext("webgl2");
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    return resolve({ png: "data:image/png;base64," });
  }
  let trace: TraceResult | undefined;
  if (job.trace && three) trace = await pathTrace(three.gl, three.scene, three.camera, job.trace);
  resolve({ png: canvas ? canvas.toDataURL("image/png") : "", trace });
}

/** The last job drawn (without its trace options): the same job again is not a new document for SceneCanvas. */
let lastJob: string | null = null;

function Bench() {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    window.__document = (job) => documentFor(job).document;
    // Frames of one video share one document object, as on the worker's session page (which parses it once
    // per video): a fresh object per frame would rebuild the stage every frame.
    let last: { key: string; made: { document: SceneDocument; url: string } } | null = null;
    window.__draw = (job) =>
      new Promise<DrawResult>((resolve) => {
        const key = JSON.stringify({ ...job, trace: undefined });
        if (key === lastJob && three) {
          // SceneCanvas would not report ready again for an unchanged document: draw one frame by hand (a warm
          // re-render, which also replaces a traced picture) and read it.
          three.advance(performance.now() / 1000, true);
          void finish(job, resolve);
          return;
        }
        lastJob = key;
        const videoKey = JSON.stringify({ ...job, time: undefined, readback: undefined, trace: undefined });
        if (job.time === undefined || last?.key !== videoKey) last = { key: videoKey, made: documentFor(job) };
        const { document, url } = last.made;
        setPending({ job, document, url, resolve });
      });
  }, []);
  if (!pending) return <div id="idle" />;
  const { job, document, url } = pending;
  // A video frame is drawn as the worker's session page draws it: no render loop, exactly one draw per frame.
  // In "demand" mode every prop R3F applies (the turning stage, the camera) invalidates once more, and a frame
  // cost 2.7 draws here against the worker's 1, which made this page's video timings meaningless.
  const renderOnce = job.time !== undefined;
  return (
    <SceneCanvas
      key={`${job.width}x${job.height}-${job.quality}-${renderOnce ? "once" : "demand"}`}
      document={document}
      products={{ [job.productId]: { url } }}
      size={{ width: job.width, height: job.height }}
      quality={job.quality}
      time={job.time}
      renderOnce={renderOnce}
      onReady={() => void finish(job, pending.resolve)}
    >
      <CaptureState />
    </SceneCanvas>
  );
}

let framesDrawn = 0;
addAfterEffect(() => void framesDrawn++);
window.__framesDrawn = () => framesDrawn;

createRoot(window.document.getElementById("root")!).render(<Bench />);
