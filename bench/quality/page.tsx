/**
 * The bench:quality page: the app's own SceneCanvas (the renderer the worker captures), bundled on its own with
 * esbuild so the bench needs no Next build, server or database. window.__draw(job) draws one built-in template
 * with a sample product and a brand palette, and resolves with the PNG once the frame is ready.
 */
import { addAfterEffect } from "@react-three/fiber";
import { createRoot } from "react-dom/client";
import { useEffect, useState } from "react";
import SceneCanvas from "@/components/scene/scene-canvas";
import type { SceneDocument } from "@/lib/scene";
import { getSampleProduct } from "@/lib/products/samples";
import { getBuiltInTemplate } from "@/lib/scene/templates";
import { instantiateTemplate } from "@/lib/templates/instantiate";

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
}

type Pending = { job: DrawJob; document: SceneDocument; url: string; resolve: (png: string) => void };

declare global {
  interface Window {
    __draw: (job: DrawJob) => Promise<string>;
    __document: (job: DrawJob) => SceneDocument;
    /** Frames three has drawn on this page (a bench checks that a job costs one). */
    __framesDrawn: () => number;
  }
}

function documentFor(job: DrawJob): { document: SceneDocument; url: string } {
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

function Bench() {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    window.__document = (job) => documentFor(job).document;
    // Frames of one video share one document object, as on the worker's session page (which parses it once
    // per video): a fresh object per frame would rebuild the stage every frame.
    let last: { key: string; made: { document: SceneDocument; url: string } } | null = null;
    window.__draw = (job) =>
      new Promise<string>((resolve) => {
        const key = JSON.stringify({ ...job, time: undefined, readback: undefined });
        if (job.time === undefined || last?.key !== key) last = { key, made: documentFor(job) };
        const { document, url } = last.made;
        setPending({ job, document, url, resolve });
      });
  }, []);
  if (!pending) return <div id="idle" />;
  const { job, document, url } = pending;
  return (
    <SceneCanvas
      key={`${job.width}x${job.height}-${job.quality}`}
      document={document}
      products={{ [job.productId]: { url } }}
      size={{ width: job.width, height: job.height }}
      quality={job.quality}
      time={job.time}
      onReady={() => {
        const canvas = window.document.querySelector<HTMLCanvasElement>('[data-testid="scene-canvas"] canvas');
        if (canvas && job.readback === "pixel") {
          // A one-pixel read waits for the GPU side to finish the frame (Chromium's finish() is only a flush).
          const gl = canvas.getContext("webgl2");
          gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          return pending.resolve("data:image/png;base64,");
        }
        pending.resolve(canvas ? canvas.toDataURL("image/png") : "");
      }}
    />
  );
}

let framesDrawn = 0;
addAfterEffect(() => void framesDrawn++);
window.__framesDrawn = () => framesDrawn;

createRoot(window.document.getElementById("root")!).render(<Bench />);
