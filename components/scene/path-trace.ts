/**
 * Path tracing of the very scene SceneCanvas built (same meshes, materials, lights, environment, camera, tone
 * mapping), handed to three-gpu-pathtracer on the same WebGL2 context and accumulated for a number of samples or a
 * time budget; the canvas then holds the traced picture. Two users: the worker's session page (Studio quality,
 * issue 18: app/render/session) and bench:quality's path-traced references (bench/quality/page.tsx). Import it
 * lazily (`await import(...)`): the tracer and its BVH are a large chunk no other page should load.
 */
import type { Camera, Material, Object3D, Scene, WebGLRenderer } from "three";
import { WebGLPathTracer } from "three-gpu-pathtracer";

export interface TraceOptions {
  /** Stop once this many samples per pixel are accumulated. */
  samples: number;
  /** ...or once this much time has passed (ms), whichever comes first. */
  budgetMs?: number;
}

export interface TraceResult {
  samples: number;
  /** Building the BVH and material textures (once per scene). */
  setupMs: number;
  /** Accumulating the samples. */
  traceMs: number;
}

/** Materials the tracer reads; anything else (the shadow catchers' basic/shadow materials) is left out. */
function traceable(material: Material | Material[]): boolean {
  const list = Array.isArray(material) ? material : [material];
  return list.every((m) => "isMeshStandardMaterial" in m || "isMeshPhysicalMaterial" in m);
}

/**
 * Hides what only a rasteriser needs: the contact and shadow-catcher planes (the tracer casts real shadows onto
 * the scene's floor). Returns the objects hidden, to show them again.
 */
function hideRasterOnly(scene: Scene): Object3D[] {
  const hidden: Object3D[] = [];
  scene.traverse((object) => {
    if (!object.visible) return;
    const mesh = object as Object3D & { isMesh?: boolean; material?: Material | Material[] };
    if (object.name === "shadows" || (mesh.isMesh && mesh.material && !traceable(mesh.material))) {
      object.visible = false;
      hidden.push(object);
    }
  });
  return hidden;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Waits until the GPU has really drawn what was asked. WebGL calls only queue commands (Chromium's finish() is a
 * flush): without this the loop queued 512 samples in 35 s on llvmpipe, the time budget never bit, and the run
 * then waited on the whole queue. A one-pixel read of the canvas blocks until the sample is done.
 */
function waitForGpu(gl: WebGLRenderer) {
  gl.setRenderTarget(null);
  const context = gl.getContext();
  context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, new Uint8Array(4));
}

export async function pathTrace(
  gl: WebGLRenderer,
  scene: Scene,
  camera: Camera,
  options: TraceOptions,
): Promise<TraceResult> {
  const hidden = hideRasterOnly(scene);
  // A colour backdrop is drawn by three as an untouched clear colour, but the tracer would tone-map it (darker):
  // trace with none (those pixels stay transparent) and let the caller put the exact colour behind.
  const background = scene.background;
  scene.background = null;
  const tracer = new WebGLPathTracer(gl);
  try {
    // Whole frames, no progressive low-res preview or fade-in: every call adds one full sample.
    tracer.tiles.set(1, 1);
    tracer.renderDelay = 0;
    tracer.fadeDuration = 0;
    tracer.minSamples = 0;
    tracer.dynamicLowRes = false;
    tracer.rasterizeScene = false;
    tracer.renderToCanvas = true;
    tracer.bounces = 8;
    tracer.transmissiveBounces = 12;
    const setupStart = performance.now();
    tracer.setScene(scene, camera);
    const setupMs = performance.now() - setupStart;
    console.log(`[trace] scene set up in ${Math.round(setupMs)} ms`);
    const start = performance.now();
    while (tracer.samples < options.samples) {
      if (options.budgetMs !== undefined && performance.now() - start >= options.budgetMs) break;
      tracer.renderSample();
      waitForGpu(gl);
      if (tracer.samples <= 2 || Number.isInteger(Math.log2(tracer.samples)))
        console.log(`[trace] ${tracer.samples} samples at ${Math.round(performance.now() - start)} ms`);
      // Let the page breathe (and the GPU process flush) between samples.
      await nextTask();
    }
    waitForGpu(gl);
    return {
      samples: Math.floor(tracer.samples),
      setupMs: Math.round(setupMs),
      traceMs: Math.round(performance.now() - start),
    };
  } finally {
    tracer.dispose();
    scene.background = background;
    for (const object of hidden) object.visible = true;
  }
}
