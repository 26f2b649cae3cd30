"use client";

import { useEffect, useRef, useState } from "react";
// Types only: the scene schema (zod) must not enter the public page's script.
import type { ViewerLook } from "@/lib/viewers/viewer-look";
import { loadModelViewer } from "./load-model-viewer";

export type ViewerStageProps = {
  name: string;
  modelUrl: string;
  /** Plinth's own USDZ for iOS Quick Look; without one, model-viewer makes one on the phone. */
  usdzUrl: string | null;
  posterUrl: string | null;
  variants: string[];
  initialVariant: string | null;
  autoRotate: boolean;
  /** The published scene's light (environment file served here, exposure, shadow). */
  look: ViewerLook & { environmentUrl: string };
};

type ModelViewerNode = HTMLElement & { variantName: string | null; loaded?: boolean };

/**
 * The public viewer: the still first (a plain image, shown before any script runs), then model-viewer takes over
 * with the model once it has loaded. Orbit is limited to above the floor and a sensible zoom range; AR opens
 * WebXR or Scene Viewer on Android and Quick Look on iOS (with the USDZ the worker made, in the first colourway).
 */
export function ViewerStage({
  name,
  modelUrl,
  usdzUrl,
  posterUrl,
  variants,
  initialVariant,
  autoRotate,
  look,
}: ViewerStageProps) {
  const ref = useRef<ModelViewerNode>(null);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");
  const [variant, setVariant] = useState(initialVariant ?? variants[0] ?? null);

  useEffect(() => {
    let cancelled = false;
    loadModelViewer().catch(() => !cancelled && setState("error"));
    const node = ref.current;
    const onLoad = () => {
      performance.mark("viewer:model-loaded");
      if (!cancelled) setState("ready");
    };
    const onError = () => !cancelled && setState("error");
    node?.addEventListener("load", onLoad);
    node?.addEventListener("error", onError);
    // model-viewer starts before React hydrates (model-viewer-boot.tsx): the model may have loaded already.
    if (node?.loaded) onLoad();
    return () => {
      cancelled = true;
      node?.removeEventListener("load", onLoad);
      node?.removeEventListener("error", onError);
    };
  }, []);

  useEffect(() => {
    if (ref.current && variant) ref.current.variantName = variant;
  }, [variant, state]);

  return (
    <main className="relative h-screen w-screen overflow-hidden bg-gradient-to-b from-white to-stone-100">
      <h1 className="sr-only">{name} in 3D</h1>
      <model-viewer
        ref={ref}
        src={modelUrl}
        ios-src={usdzUrl ?? undefined}
        alt={`${name}, a 3D model you can turn`}
        poster={posterUrl ?? undefined}
        camera-controls=""
        touch-action="pan-y"
        disable-pan=""
        auto-rotate={autoRotate ? "" : undefined}
        min-camera-orbit="auto 15deg auto"
        max-camera-orbit="auto 100deg auto"
        min-field-of-view="12deg"
        max-field-of-view="45deg"
        interaction-prompt="none"
        environment-image={look.environmentUrl}
        exposure={look.exposure}
        shadow-intensity={look.shadowIntensity}
        shadow-softness={look.shadowSoftness}
        tone-mapping={look.toneMapping}
        ar=""
        ar-modes="webxr scene-viewer quick-look"
        variant-name={initialVariant ?? undefined}
        data-state={state}
        data-testid="viewer"
        style={{ width: "100%", height: "100%", backgroundColor: "transparent" }}
      >
        {posterUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- the poster must show before any script runs
          <img
            slot="poster"
            src={posterUrl}
            alt={`${name}`}
            data-testid="viewer-poster"
            fetchPriority="high"
            className="h-full w-full object-contain"
          />
        )}
        {/* Our own loading bar (model-viewer's default one stays drawn at the top after loading). */}
        <div
          slot="progress-bar"
          aria-hidden="true"
          className={state === "loading" ? "absolute inset-x-0 top-0 h-1 animate-pulse bg-stone-300" : "hidden"}
        />
        <button
          slot="ar-button"
          className="absolute bottom-4 right-4 rounded-full bg-white px-4 py-2 text-sm font-medium text-stone-900 shadow"
        >
          View in your room
        </button>
      </model-viewer>
      {variants.length > 1 && (
        <div className="absolute bottom-4 left-4 flex items-center gap-2 rounded-full bg-white/90 px-3 py-1.5 text-sm shadow">
          <label htmlFor="viewer-colourway" className="text-stone-600">
            Colourway
          </label>
          <select
            id="viewer-colourway"
            value={variant ?? ""}
            onChange={(e) => setVariant(e.target.value)}
            className="rounded border-none bg-transparent font-medium text-stone-900"
          >
            {variants.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      )}
      {state === "error" && (
        <p role="alert" className="absolute inset-x-0 top-4 mx-auto w-fit rounded bg-white px-4 py-2 text-sm shadow">
          The 3D model could not be shown here. The picture above is the product.
        </p>
      )}
    </main>
  );
}
