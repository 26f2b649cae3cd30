"use client";

import dynamic from "next/dynamic";
import { Component, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { SceneCanvasProps } from "@/components/scene/scene-canvas";
import { applyFinishBottomUp, finishParams, parseScene, type FinishParams } from "@/lib/scene";
import type { RenderedFrame, RenderJob } from "@/lib/render-contract/render-job";
import type { RootState } from "@react-three/fiber";
import { compositeOver } from "@/components/scene/trace-composite";
import { encodeReadFrame, type ReadFrame } from "./encode-frame";
import { encodeFrameOffThread } from "./frame-encoder";
import { makeUsdz } from "./make-usdz";
import { PendingFrames } from "@/lib/render-contract/pending-frames";
import { ThreeState } from "./three-state";
import { resolveModelUrls } from "./model-cache";
import { gifDocument, recordGif } from "./record-gif";
import { recordVideo } from "./record-video";

const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas"), { ssr: false });

type Pending = { resolve: () => void; reject: (err: Error) => void };

/** One picture for the canvas: a still (no time) or a video frame (seconds into the document's motion). */
type Draw = Omit<RenderJob, "document" | "products"> &
  Pick<SceneCanvasProps, "document" | "products"> & { time?: number };

const sceneCanvas = () => document.querySelector<HTMLCanvasElement>('[data-testid="scene-canvas"] canvas');

/**
 * Hands the drawn frame to the worker in the contract's frame format (lib/render-contract/render-job.ts: bottom-up
 * rows, premultiplied alpha, packed and deflated). Measured against a POST of the raw bytes to a loopback receiver
 * in the worker, base64 through the DevTools protocol was faster (about 750 vs 1000 ms per 1080p image) and used
 * less memory; deflating first cut that hand-off's CPU by more than half (lib/render-contract/frame-pixels.ts).
 */
async function readFrame(): Promise<RenderedFrame> {
  return encodeReadFrame(readPixels());
}

/** The scene canvas's context: the same type as the renderer's (three uses WebGL 2), so that one, not a new one. */
function sceneContext(): WebGL2RenderingContext {
  const gl = sceneCanvas()?.getContext("webgl2");
  if (!gl) throw new Error("No canvas to read");
  return gl;
}

/** The canvas's pixels as WebGL holds them (bottom-up, premultiplied). */
function readPixels(into?: Uint8Array<ArrayBuffer>): ReadFrame {
  const gl = sceneContext();
  const width = gl.drawingBufferWidth;
  const height = gl.drawingBufferHeight;
  // A video reads every frame into one buffer instead of allocating 4 bytes a pixel each time.
  const pixels = into?.length === width * height * 4 ? into : new Uint8Array(width * height * 4);
  const bound = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  gl.bindFramebuffer(gl.READ_FRAMEBUFFER, bound);
  return { width, height, pixels };
}

class JobErrorBoundary extends Component<
  { onError: (err: Error) => void; resetKey: string; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: Error) {
    this.props.onError(error);
  }
  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function RenderSession() {
  const [job, setJob] = useState<(Draw & { key: string }) | null>(null);
  const pending = useRef<Pending | null>(null);
  const currentKey = useRef<string | null>(null);
  const readyKey = useRef<string | null>(null);
  const three = useRef<RootState | null>(null);

  useEffect(() => {
    // Frames drawn per job, for the worker's RENDER_TIMING log (a job should cost one).
    let frames = 0;
    // And how long the last one took inside three's render (R3F runs global effects around each advance).
    let renderStarted = 0;
    let lastRenderMs = 0;
    void import("@react-three/fiber").then(({ addEffect, addAfterEffect }) => {
      addEffect(() => void (renderStarted = performance.now()));
      addAfterEffect(() => {
        frames++;
        lastRenderMs = performance.now() - renderStarted;
      });
    });
    window.__plinthFrames = () => frames;

    /** Puts one picture on the canvas; resolves once it is drawn (one explicit draw, no render loop). */
    const draw = (next: Draw): Promise<void> => {
      const key = JSON.stringify([
        next.document,
        next.products,
        next.size,
        next.quality,
        next.viewOffset ?? null,
        next.time ?? null,
      ]);
      // The same picture again (a retried job, or an identical output): it is already on the canvas.
      if (key === currentKey.current && readyKey.current === key) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        pending.current?.reject(new Error("Superseded by a newer job"));
        pending.current = { resolve, reject };
        currentKey.current = key;
        setJob({ ...next, key });
      });
    };

    // Frames read and not yet taken by the worker (lib/render-contract/pending-frames.ts: why drawing and taking
    // are two calls).
    const pendingFrames = new PendingFrames();

    /** Draws one job and reads its pixels; answers their encoding for the worker, under way. */
    const drawStill = async (next: RenderJob): Promise<{ encoded: Promise<RenderedFrame> }> => {
      window.__plinthTiming = { received: performance.now(), framesBefore: window.__plinthFrames?.() ?? 0 };
      const document = parseScene(next.document);
      const products = await resolveModelUrls(next.products);
      const timing = window.__plinthTiming;
      timing.models = performance.now();
      await draw({ size: next.size, quality: next.quality, viewOffset: next.viewOffset, document, products });
      timing.ready ??= performance.now();
      timing.frames = (window.__plinthFrames?.() ?? 0) - (timing.framesBefore ?? 0);
      if (next.trace) {
        // The traced picture gets the look's grade, vignette and grain, as the raster under it did.
        const finish = (size: { width: number; height: number }) =>
          finishParams(document.look, document.seed, undefined, size, next.viewOffset);
        const traced = await traceStudio(next.trace.budgetMs, finish);
        timing.read = performance.now();
        return { encoded: Promise.resolve(traced) };
      }
      const pixels = readPixels();
      timing.read = performance.now();
      return { encoded: encodeFrameOffThread(pixels) };
    };

    window.__plinthDraw = async (next) => pendingFrames.add((await drawStill(next)).encoded);
    window.__plinthTakeFrame = (handle) => pendingFrames.take(handle);

    /**
     * Studio (issue 18): the Final raster is on the canvas; path trace the same scene for the budget and hand back
     * the traced picture, finished with the look's grade, vignette and grain (lib/scene/look-finish.ts), over that
     * raster (components/scene/trace-composite.ts). The tracer is its own chunk, loaded on the first Studio job
     * only. The raster is drawn again afterwards, so the canvas holds what the session thinks it does (an identical
     * job next reads it as it is).
     */
    const traceStudio = async (
      budgetMs: number,
      finish: (size: { width: number; height: number }) => FinishParams,
    ): Promise<RenderedFrame> => {
      const state = three.current;
      if (!state) throw new Error("No scene to path trace");
      const raster = readPixels();
      const { pathTrace } = await import("@/components/scene/path-trace");
      const result = await pathTrace(state.gl, state.scene, state.camera, {
        samples: Number.POSITIVE_INFINITY,
        budgetMs,
      });
      const traced = readPixels();
      applyFinishBottomUp(traced.pixels, traced.width, traced.height, finish(traced));
      state.advance(performance.now() / 1000, true);
      const frame = await encodeReadFrame({ ...traced, pixels: compositeOver(traced.pixels, raster.pixels) });
      return { ...frame, trace: { samples: result.samples, traceMs: result.traceMs } };
    };

    window.__plinthVideo = async (next) => {
      const started = performance.now();
      const document = parseScene(next.document);
      const products = await resolveModelUrls(next.products);
      // A GIF is drawn without the look's grain (record-gif.ts says why); a video's frames are the still's.
      const drawn = next.container === "gif" ? gifDocument(document) : document;
      const still = { size: next.size, quality: next.quality, document: drawn, products };
      const canvas = () => {
        const found = sceneCanvas();
        if (!found) throw new Error("No canvas to record");
        return found;
      };
      return (next.container === "gif" ? recordGif : recordVideo)(next, document, {
        draw: (time) => draw({ ...still, time }),
        canvas,
        readPixels,
        readFrame,
        lastRenderMs: () => lastRenderMs,
        framesDrawn: () => frames,
        // Chromium's gl.finish() is only a flush; a one-pixel read waits for everything drawn before it.
        finish: () => {
          const gl = canvas().getContext("webgl2");
          if (!gl) return;
          const bound = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
          gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          gl.bindFramebuffer(gl.READ_FRAMEBUFFER, bound);
        },
        setupMs: { models: Math.round(performance.now() - started) },
      });
    };
    window.__plinthUsdz = makeUsdz;
    return () => {
      delete window.__plinthUsdz;
      delete window.__plinthDraw;
      delete window.__plinthTakeFrame;
      delete window.__plinthVideo;
    };
  }, []);

  const onReady = useCallback(() => {
    readyKey.current = currentKey.current;
    const waiting = pending.current;
    pending.current = null;
    if (!waiting) return;
    if (window.__plinthTiming) window.__plinthTiming.ready = performance.now();
    waiting.resolve();
  }, []);

  const onError = useCallback((err: Error) => {
    pending.current?.reject(err);
    pending.current = null;
  }, []);

  if (!job) return <div data-testid="render-session" data-state="idle" />;
  return (
    <div data-testid="render-session" data-state="active">
      <JobErrorBoundary onError={onError} resetKey={job.key}>
        <SceneCanvas
          document={job.document}
          products={job.products}
          size={job.size}
          quality={job.quality}
          viewOffset={job.viewOffset}
          time={job.time}
          renderOnce
          onReady={onReady}
        >
          <ThreeState into={three} />
        </SceneCanvas>
      </JobErrorBoundary>
    </div>
  );
}
