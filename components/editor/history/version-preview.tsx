"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { CanvasErrorBoundary } from "@/components/scene/canvas-error-boundary";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/button";
import { api } from "@/lib/client/api";
import { fitAspect, useElementSize } from "@/lib/editor/use-letterbox";
import type { SceneDocument } from "@/lib/scene";
import type { EditorProduct } from "../editor-context";

const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas").then((m) => m.SceneCanvas), {
  ssr: false,
  loading: () => null,
});

/**
 * A version drawn read-only by the same renderer as the editor (no orbit, nothing saved), letterboxed to its first
 * output's ratio. While its document and models load, the version's picture (if any) stands in.
 */
export function VersionPreview({
  sceneId,
  versionId,
  picture,
  products,
}: {
  sceneId: string;
  versionId: string;
  picture: string | null;
  products: Record<string, EditorProduct>;
}) {
  const [document, setDocument] = useState<SceneDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const areaRef = useRef<HTMLDivElement>(null);
  const available = useElementSize(areaRef);

  useEffect(() => {
    const controller = new AbortController();
    void api
      .get<{ version: { document: SceneDocument } }>(
        `/api/scenes/${encodeURIComponent(sceneId)}/versions/${encodeURIComponent(versionId)}`,
        { signal: controller.signal, fallback: "This version could not be loaded." },
      )
      .then((result) => {
        if (result.ok) setDocument(result.data.version.document);
        else setError(result.error.message);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [sceneId, versionId]);

  const output = document?.outputs[0];
  const aspect = output ? output.width / output.height : 1;
  const frame = fitAspect(available, aspect);

  if (error) return <Alert tone="error">{error}</Alert>;
  return (
    <div ref={areaRef} className="relative h-full w-full" aria-label="Version preview" data-testid="version-preview">
      {frame.width > 0 && (
        <div
          className="absolute left-1/2 top-1/2 -translate-x-1/2 -translate-y-1/2 overflow-hidden rounded-sm bg-white shadow-card ring-1 ring-black/5"
          style={{ width: frame.width, height: frame.height }}
        >
          {document && (
            <CanvasErrorBoundary>
              <SceneCanvas
                document={document}
                products={products}
                frameAspect={aspect}
                onReady={() => setReady(true)}
                quality="draft"
                className="h-full w-full"
              />
            </CanvasErrorBoundary>
          )}
          {!ready && (
            <div className="pointer-events-none absolute inset-0 flex items-center justify-center bg-canvas-sunken">
              {picture ? (
                // eslint-disable-next-line @next/next/no-img-element -- the version's own small picture, scaled up
                <img src={picture} alt="" className="h-full w-full object-cover opacity-80" />
              ) : null}
              <span role="status" className="absolute flex items-center gap-2 text-sm text-ink-soft">
                <Spinner /> Loading preview…
              </span>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
