"use client";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { CanvasErrorBoundary } from "@/components/scene/canvas-error-boundary";
import { prefetchEnvironment } from "@/components/scene/environment-prefetch";
import type { CameraChange } from "@/components/scene/scene-canvas";
import type { SceneDocument, Vec3 } from "@/lib/scene";
import { fitAspect, useElementSize } from "@/lib/editor/use-letterbox";
import { Spinner } from "@/components/ui/button";
import type { EditorProduct } from "./editor-context";

// three.js, R3F and the scene's code start downloading when this module runs, before hydration renders the
// viewport (next/dynamic would ask for them only then, about half a second later on a loaded machine).
const sceneCanvasChunk = typeof window === "undefined" ? null : import("@/components/scene/scene-canvas");
const SceneCanvas = dynamic(
  () => (sceneCanvasChunk ?? import("@/components/scene/scene-canvas")).then((m) => m.SceneCanvas),
  {
    ssr: false,
    loading: () => null,
  },
);

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Wraps any angle into [-180, 180]. */
const wrapDegrees = (deg: number) => ((((deg + 180) % 360) + 360) % 360) - 180;

/** Keeps a camera gesture inside the document's valid ranges. */
export function cameraArgs(camera: CameraChange, aspect: number) {
  return {
    azimuth: wrapDegrees(camera.azimuth),
    elevation: clamp(camera.elevation, -10, 89),
    distance: clamp(camera.distance, 0.001, 100),
    target: camera.target.map((v) => clamp(v, -100, 100)) as Vec3,
    referenceAspect: clamp(aspect, 0.1, 10),
  };
}

/**
 * The interactive viewport, letterboxed to exactly the selected output ratio
 * so what you see is what that export contains.
 */
export function Viewport({
  doc,
  products,
  aspect,
  interactive,
  onCameraChange,
  children,
  sceneOverlay,
  frameOverlay,
}: {
  doc: SceneDocument;
  products: Record<string, EditorProduct>;
  aspect: number;
  interactive: boolean;
  onCameraChange: (camera: CameraChange) => void;
  /** Drawn over the 3D view, in the letterboxed frame (brand overlays and their guides). */
  children?: React.ReactNode;
  /** Drawn inside the canvas (the editor's selection and handles). */
  sceneOverlay?: React.ReactNode;
  /** Drawn over the frame's top-left corner (the selection's handle modes). */
  frameOverlay?: React.ReactNode;
}) {
  const areaRef = useRef<HTMLDivElement>(null);
  const available = useElementSize(areaRef);
  const frame = fitAspect(available, aspect);
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);
  // The HDRI decodes (in a worker) while three.js and the scene's code download: it was the last thing the first
  // frame waited for.
  const environmentId = doc.lighting.environment.id;
  useEffect(() => prefetchEnvironment(environmentId), [environmentId]);

  return (
    <div ref={areaRef} className="relative h-full w-full" aria-label="Scene preview">
      {frame.width > 0 && (
        <div
          className="absolute left-1/2 top-1/2 -translate-x-1/2 -translate-y-1/2 overflow-hidden rounded-sm bg-white shadow-card ring-1 ring-black/5"
          style={{ width: frame.width, height: frame.height }}
        >
          <CanvasErrorBoundary>
            <SceneCanvas
              document={doc}
              products={products}
              frameAspect={aspect}
              interactive={interactive}
              onCameraChange={interactive ? onCameraChange : undefined}
              onReady={onReady}
              quality="draft"
              className="h-full w-full"
            >
              {sceneOverlay}
            </SceneCanvas>
          </CanvasErrorBoundary>
          {children}
          {ready && frameOverlay}
          {!ready && (
            <div
              className="pointer-events-none absolute inset-0 flex items-center justify-center gap-2 bg-canvas-sunken/80 text-sm text-ink-soft"
              role="status"
            >
              <Spinner />
              Loading 3D view…
            </div>
          )}
        </div>
      )}
    </div>
  );
}
