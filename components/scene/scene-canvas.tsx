"use client";
/**
 * SceneCanvas: THE renderer of a SceneDocument, shared by the editor (fills
 * its parent, interactive) and the render pages (explicit pixel size, read
 * back): what you see is what you export.
 *
 * Pages import it with next/dynamic(..., { ssr: false }).
 *
 * The wrapper carries data-testid="scene-canvas" and data-render-state:
 * "ready" only once every asset of the CURRENT document is loaded and its
 * final frame drawn; "loading" otherwise (including while a changed
 * document's new assets load). In the editor (interactive) "ready" is the
 * first frame with the product: the look (AO, grade) is added in the frame
 * after it, so the product shows before the look's shaders compile.
 */
import { Canvas } from "@react-three/fiber";
import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from "react";
import { lookHasEffects, type SceneDocument } from "@/lib/scene";
import type { CameraChange } from "./camera-rig";
import { SceneContents, type ProductAsset, type Quality, type SceneInput } from "./scene-contents";
import type { ViewOffset } from "./view-offset";

export type { CameraChange } from "./camera-rig";
export type { ProductAsset } from "./scene-contents";
export type { ViewOffset } from "./view-offset";

export type SceneCanvasProps = {
  document: SceneDocument;
  /** productId -> GLB url. */
  products: Record<string, ProductAsset>;
  /** Explicit pixel size (render page); omitted = fill the parent element (editor). */
  size?: { width: number; height: number };
  /** Aspect the camera framing is computed for; default = the canvas aspect. */
  frameAspect?: number;
  /** Draw one tile of a larger frame (`size` is the tile's size): the render worker's very large outputs. */
  viewOffset?: ViewOffset;
  /** Orbit/zoom/pan controls (editor). */
  interactive?: boolean;
  /** Called when a user orbit/zoom/pan gesture ENDS (not every frame). */
  onCameraChange?: (camera: CameraChange) => void;
  /** Called when the final frame of the current document is drawn (all assets loaded, shadows settled). */
  onReady?: () => void;
  /** Default "final". */
  quality?: Quality;
  /**
   * The render worker's page: no render loop and no deferral. Each document is drawn exactly once,
   * when it is committed and the canvas has its size, then reported ready. (With the loop, a job drew
   * a wasted frame at the previous job's size first: two frames' work for one picture.)
   */
  renderOnce?: boolean;
  /**
   * Seconds into the document's `motion` (a video's frame i is drawn at i / fps): the camera, product and
   * exposure follow the move (lib/scene/motion.ts). Omitted: the still scene.
   */
  time?: number;
  className?: string;
  /** Extra scene content drawn inside the canvas (the editor's selection and handles); never in renders. */
  children?: ReactNode;
};

export function SceneCanvas({
  document,
  products,
  size,
  frameAspect,
  viewOffset,
  interactive = false,
  onCameraChange,
  onReady,
  quality = "final",
  renderOnce = false,
  time,
  className,
  children,
}: SceneCanvasProps): JSX.Element {
  const productsKey = JSON.stringify(
    Object.keys(products)
      .sort()
      .map((id) => [id, products[id].url]),
  );
  const renderKey = JSON.stringify([
    document,
    productsKey,
    size?.width,
    size?.height,
    frameAspect ?? null,
    viewOffset ?? null,
    quality,
    time ?? null,
  ]);
  // A new input only when something that changes pixels changed (parents often rebuild objects).
  const input = useMemo<SceneInput>(
    () => ({ document, products, renderKey, time }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value
    [renderKey],
  );

  const [renderedKey, setRenderedKey] = useState<string | null>(null);
  const ready = renderedKey === renderKey;
  const onRendered = useCallback((key: string) => setRenderedKey(key), []);

  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  });
  useEffect(() => {
    if (ready) onReadyRef.current?.();
  }, [ready, renderedKey]);

  // A Final picture with a look reaches the canvas as the look's last full-screen pass, which covers every pixel
  // whole: a multisampled canvas would only cost and add nothing. A still's edges are smoothed in the look's own
  // multisampled scene target, a video frame's in that last pass (LOOK_TIERS). (Video frames: 288 ms without a
  // multisampled canvas, 459 ms with, 1080x1080 on llvmpipe.) Frames without a look are drawn straight to the
  // canvas and need it. The editor keeps one context whatever the look: it draws its first frame without it.
  const throughLook = quality === "final" && !interactive && lookHasEffects(document.look);
  const fixed = size !== undefined;
  const style = fixed
    ? { width: size.width, height: size.height, position: "relative" as const, overflow: "hidden" as const }
    : { width: "100%", height: "100%", position: "relative" as const };

  return (
    <div
      data-testid="scene-canvas"
      data-render-state={ready ? "ready" : "loading"}
      data-quality={quality}
      className={className}
      style={style}
    >
      <Canvas
        // Antialiasing is a context attribute: switching it needs a new context.
        key={throughLook ? "final-look" : quality}
        frameloop={renderOnce ? "never" : "demand"}
        // An explicit size renders at exactly width x height device pixels, whatever the screen.
        dpr={fixed ? 1 : [1, 2]}
        // The shadow-map type picks the key light's soft-shadow sample count (soft-shadows.ts): fewer in Draft.
        shadows={quality === "final" ? "soft" : "percentage"}
        gl={{
          antialias: quality === "final" && !throughLook,
          alpha: true,
          premultipliedAlpha: true,
          preserveDrawingBuffer: true,
          powerPreference: "high-performance",
        }}
        camera={{ fov: 30, near: 0.01, far: 100, position: [0, 0.3, 1.2] }}
        style={fixed ? { width: size.width, height: size.height, display: "block" } : undefined}
        resize={fixed ? { debounce: 0 } : { debounce: { scroll: 50, resize: 0 } }}
      >
        <SceneContents
          input={input}
          quality={quality}
          frameAspect={viewOffset ? viewOffset.fullWidth / viewOffset.fullHeight : frameAspect}
          viewOffset={viewOffset}
          interactive={interactive}
          onCameraChange={onCameraChange}
          onRendered={onRendered}
          renderOnce={renderOnce ? (size ?? null) : undefined}
        />
        {children}
      </Canvas>
    </div>
  );
}

export default SceneCanvas;
