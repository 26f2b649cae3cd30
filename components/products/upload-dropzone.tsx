"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, Spinner } from "@/components/ui/button";
import type { ProductSummary } from "@/lib/products/product-types";
import { UnitFixWarning } from "./unit-fix-warning";
import { uploadWithProgress } from "./upload-request";

const ACCEPT = ".glb,.gltf,.bin,.zip,.png,.jpg,.jpeg,.webp,.ktx2";

type State =
  | { kind: "idle" }
  | { kind: "uploading"; fraction: number; label: string }
  | { kind: "processing"; label: string }
  | { kind: "error"; message: string }
  | { kind: "done"; product: ProductSummary };

export function UploadDropzone({ maxBytes, compact = false }: { maxBytes: number; compact?: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const busy = state.kind === "uploading" || state.kind === "processing";

  async function send(list: FileList | File[]) {
    const files = Array.from(list);
    if (!files.length || busy) return;
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total > maxBytes) {
      setState({
        kind: "error",
        message: `The upload is larger than ${Math.round(maxBytes / 1048576)} MB, the most one product may use.`,
      });
      return;
    }
    const label = files.length === 1 ? files[0].name : `${files.length} files`;
    const form = new FormData();
    for (const f of files) form.append("files", f, f.name);
    setState({ kind: "uploading", fraction: 0, label });
    const { promise } = uploadWithProgress<{ product: ProductSummary }>(
      "/api/products",
      form,
      (fraction) => setState({ kind: "uploading", fraction, label }),
      () => setState({ kind: "processing", label }),
    );
    const result = await promise;
    if (input.current) input.current.value = "";
    if (!result.ok) {
      setState({ kind: "error", message: result.message });
      return;
    }
    setState({ kind: "done", product: result.data.product });
    router.refresh();
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void send(e.dataTransfer.files);
  }

  return (
    <div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="product-dropzone"
        className={`flex flex-col items-center justify-center gap-3 rounded-2xl border-2 border-dashed px-6 text-center transition-colors sm:flex-row sm:text-left ${
          compact ? "py-5" : "py-10"
        } ${dragging ? "border-accent bg-accent-soft" : "border-line-strong bg-white"}`}
      >
        {busy ? (
          <div className="w-full max-w-md" aria-live="polite">
            <div className="flex items-center justify-between text-sm">
              <span className="truncate font-medium text-ink">{state.label}</span>
              <span className="ml-3 shrink-0 text-ink-muted">
                {state.kind === "uploading" ? (
                  `${Math.round(state.fraction * 100)}%`
                ) : (
                  <span className="inline-flex items-center gap-1.5">
                    <Spinner className="h-3.5 w-3.5" /> Processing…
                  </span>
                )}
              </span>
            </div>
            <div
              className="mt-2 h-2 overflow-hidden rounded-full bg-canvas-sunken"
              role="progressbar"
              aria-label="Upload progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={state.kind === "uploading" ? Math.round(state.fraction * 100) : 100}
            >
              <div
                className={`h-full rounded-full bg-accent transition-[width] ${state.kind === "processing" ? "animate-pulse" : ""}`}
                style={{ width: `${state.kind === "uploading" ? Math.max(2, state.fraction * 100) : 100}%` }}
              />
            </div>
          </div>
        ) : (
          <>
            <UploadIcon />
            <div className="min-w-0 sm:flex-1">
              <p className="text-sm font-medium text-ink">Drop a 3D model here</p>
              <p className="text-xs text-ink-muted">
                .glb, or .gltf with its .bin and textures, or one .zip · up to {Math.round(maxBytes / 1048576)} MB
              </p>
            </div>
            <Button variant="secondary" onClick={() => input.current?.click()}>
              Choose files
            </Button>
          </>
        )}
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          aria-label="Upload a 3D model"
          data-testid="product-file-input"
          onChange={(e) => e.target.files && void send(e.target.files)}
        />
      </div>
      {state.kind === "error" && (
        <div className="mt-3" data-testid="upload-error">
          <Alert tone="error">{state.message}</Alert>
        </div>
      )}
      {state.kind === "done" && (
        <div className="mt-3">
          <Alert tone="success">
            Added <strong>{state.product.name}</strong>.
            {state.product.warnings.length > 0 &&
              ` The checker noted ${state.product.warnings.length} minor issue(s); see its page.`}
          </Alert>
          {(state.product.suggestedUnit || state.product.appliedUnit) && (
            <div className="mt-2">
              <UnitFixWarning product={state.product} />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function UploadIcon() {
  return (
    <svg
      className="h-8 w-8 shrink-0 text-accent"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      aria-hidden="true"
    >
      <path d="M12 16V4m0 0-4 4m4-4 4 4" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" strokeLinecap="round" />
    </svg>
  );
}
