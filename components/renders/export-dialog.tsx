"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { Button } from "@/components/ui/button";
import { api, errorText } from "@/lib/client/api";
import { alphaFormatLabels, IMAGE_FORMAT_IDS, IMAGE_FORMATS, type ImageFormatId } from "@/lib/formats";
import {
  allowedMultiplier,
  EXPORT_PRESETS,
  MAX_OUTPUT_PX,
  multiplierOptions,
  planOutputs,
} from "@/lib/renders/export-options";
import { usePlanLimits } from "@/components/billing/plan-limits";
import { creditsForOutputs } from "@/lib/billing/credits";
import { planExport } from "@/lib/renders/shot-plan";
import type { SceneDocument } from "@/lib/scene";
import type { ProductAsset } from "@/components/scene/scene-canvas";
import { ExportTabs, type ExportTab } from "./export-tabs";
import { RatioPreview } from "./ratio-preview";
import { ExportRefusal, type ExportProblem } from "./export-refusal";
import { ALL_SHOTS, ExportShots, pickedShots, type ShotPick } from "./export-shots";
import { ExportSizeChoice } from "./export-size-choice";
import { ExportQualityChoice, type ExportQuality } from "./export-quality";
import { studioBlockedReason } from "@/lib/renders/studio";
import { VideoExportPanel } from "./video-export-panel";
import { SegmentedRadios } from "@/components/ui/segmented-radios";

type Props = {
  open: boolean;
  onClose: () => void;
  sceneId: string;
  document: SceneDocument;
  products: Record<string, ProductAsset>;
};

/** Every format at once: the social set is ticked by default, so Export is one more click. */
export function ExportDialog({ open, onClose, sceneId, document, products }: Props) {
  const router = useRouter();
  const ref = useModalDialog(open);
  const titleId = useId();
  const [selected, setSelected] = useState<Set<string>>(
    () => new Set(EXPORT_PRESETS.filter((p) => p.social).map((p) => p.label)),
  );
  const [custom, setCustom] = useState({ enabled: false, width: 1200, height: 628 });
  const [multiplier, setMultiplier] = useState(1);
  const [format, setFormat] = useState<ImageFormatId>("png");
  const [transparent, setTransparent] = useState(false);
  const [quality, setQuality] = useState<ExportQuality>("final");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ExportProblem | null>(null);
  const limits = usePlanLimits();
  const [tab, setTab] = useState<ExportTab>("stills");
  const [shotPick, setShotPick] = useState<ShotPick>(ALL_SHOTS);

  const formats = [
    ...EXPORT_PRESETS.filter((p) => selected.has(p.label)).map(({ label, width, height }) => ({
      label,
      width,
      height,
    })),
    ...(custom.enabled ? [{ label: "custom", width: custom.width, height: custom.height }] : []),
  ];
  // The main view renders the formats picked; each extra shot its own ratios (lib/renders/shot-plan.ts).
  const outputs = shotPick.main ? formats : [];
  const shots = pickedShots(document, shotPick);
  const alpha = IMAGE_FORMATS[format].alpha;
  // Sizes over the plan's limit are offered disabled; a pick that no longer fits falls back to one that does.
  const sizeOptions = multiplierOptions(
    [
      ...outputs,
      ...document.shots
        .filter((s) => shots.includes(s.id))
        .flatMap((s) => document.outputs.filter((o) => s.outputIds.includes(o.id))),
    ],
    limits.maxOutputPx,
  );
  const size = allowedMultiplier(multiplier, sizeOptions);
  const { planned, problem } = plannedImages(document, {
    outputs,
    shots,
    multiplier: size,
    format,
    transparent,
    quality: "final",
  });
  // Studio only for 1:1 and 4:5 (lib/renders/studio.ts): with another ratio picked it is offered disabled, and a
  // Studio pick falls back to Final, as a size over the plan falls back to one that fits.
  const studioBlocked = studioBlockedReason(planned);
  const effectiveQuality = quality === "studio" && (studioBlocked || !limits.studio?.enabled) ? "final" : quality;
  const credits = creditsForOutputs(planned, effectiveQuality);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (planned.length === 0) {
      setError({ message: "Pick at least one format." });
      return;
    }
    setPending(true);
    setError(null);
    // Export renders the scene as saved: save what is on screen first.
    const scenePath = `/api/scenes/${encodeURIComponent(sceneId)}`;
    const saved = await api.put(scenePath, { document }, { fallback: "Could not save the scene before exporting." });
    if (!saved.ok) {
      setPending(false);
      setError({ message: saved.error.message });
      return;
    }
    const request = {
      outputs,
      shots,
      multiplier: size,
      format,
      transparent: transparent && alpha,
      quality: effectiveQuality,
    };
    const started = await api.post<{ batchId: string }>(`${scenePath}/export`, request, {
      fallback: "The export could not be started.",
    });
    if (!started.ok) {
      setPending(false);
      setError({ message: errorText(started.error), code: started.error.code });
      return;
    }
    router.push(`/renders?batch=${started.data.batchId}`);
  }

  const toggle = (label: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(label)) next.delete(label);
      else next.add(label);
      return next;
    });

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="w-full max-w-lg rounded-2xl border border-line p-0 shadow-xl backdrop:bg-black/30"
    >
      <ExportTabs tab={tab} onChange={setTab} />
      {tab === "video" && (
        <VideoExportPanel sceneId={sceneId} document={document} products={products} onClose={onClose} />
      )}
      <form onSubmit={onSubmit} className={`max-h-[85vh] flex-col ${tab === "video" ? "hidden" : "flex"}`}>
        <div className="overflow-y-auto p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            Export images
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            Each format keeps your camera angle and frames the product whole.
          </p>

          <ExportShots document={document} value={shotPick} onChange={setShotPick} />

          {/* Without the main view its formats do not apply: shown dimmed and out of the tab order. */}
          <fieldset className={`mt-5 ${shotPick.main ? "" : "opacity-50"}`} disabled={!shotPick.main}>
            <legend className="text-sm font-medium">Formats</legend>
            <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
              {EXPORT_PRESETS.map((p) => (
                <label
                  key={p.label}
                  className={`relative flex cursor-pointer flex-col items-center gap-1 rounded-lg border px-2 pb-2 pt-3 text-sm ${selected.has(p.label) ? "border-accent bg-accent-soft" : "border-line-strong"}`}
                >
                  <input
                    type="checkbox"
                    checked={selected.has(p.label)}
                    onChange={() => toggle(p.label)}
                    className="absolute left-2 top-2 accent-accent"
                    aria-label={`${p.name}, ${p.width}×${p.height}`}
                  />
                  {open && tab === "stills" ? (
                    <RatioPreview document={document} products={products} width={p.width} height={p.height} />
                  ) : (
                    <RatioGlyph width={p.width} height={p.height} />
                  )}
                  <span className="text-center">
                    <span className="block font-medium">{p.label}</span>
                    <span className="block text-xs text-ink-muted">
                      {p.width}×{p.height}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={custom.enabled}
                  onChange={(e) => setCustom({ ...custom, enabled: e.target.checked })}
                  className="accent-accent"
                />
                Custom size
              </label>
              {custom.enabled && (
                <>
                  <label className="sr-only" htmlFor={`${titleId}-w`}>
                    Custom width in pixels
                  </label>
                  <input
                    id={`${titleId}-w`}
                    type="number"
                    min={16}
                    max={MAX_OUTPUT_PX}
                    value={custom.width}
                    onChange={(e) => setCustom({ ...custom, width: Number(e.target.value) })}
                    className="w-24 rounded-lg border border-line-strong px-2 py-1"
                  />
                  <span aria-hidden="true">×</span>
                  <label className="sr-only" htmlFor={`${titleId}-h`}>
                    Custom height in pixels
                  </label>
                  <input
                    id={`${titleId}-h`}
                    type="number"
                    min={16}
                    max={MAX_OUTPUT_PX}
                    value={custom.height}
                    onChange={(e) => setCustom({ ...custom, height: Number(e.target.value) })}
                    className="w-24 rounded-lg border border-line-strong px-2 py-1"
                  />
                  <span className="text-ink-muted">px</span>
                </>
              )}
            </div>
          </fieldset>

          <div className="mt-5 grid gap-4 sm:grid-cols-2">
            <ExportSizeChoice value={size} onChange={setMultiplier} options={sizeOptions} />
            <SegmentedRadios
              legend="File type"
              value={format}
              onChange={(v) => setFormat(v as ImageFormatId)}
              options={IMAGE_FORMAT_IDS.map((id) => ({ value: id, label: IMAGE_FORMATS[id].label }))}
            />
            <ExportQualityChoice
              value={effectiveQuality}
              onChange={setQuality}
              studio={limits.studio}
              studioBlocked={studioBlocked}
            />
            <label className={`flex items-center gap-2 self-end text-sm ${alpha ? "" : "text-ink-muted"}`}>
              <input
                type="checkbox"
                checked={transparent && alpha}
                disabled={!alpha}
                onChange={(e) => setTransparent(e.target.checked)}
                className="accent-accent"
              />
              Transparent background {!alpha && `(${alphaFormatLabels()} only)`}
            </label>
          </div>

          <p className="mt-5 text-xs text-ink-muted" data-testid="export-summary">
            {planned.length === 0
              ? (problem ?? "No format selected.")
              : `${planned.length} image${planned.length > 1 ? "s" : ""}: ${planned.map((p) => `${p.width}×${p.height}`).join(", ")}`}
            {size > 1 && ` · the long side is capped at ${MAX_OUTPUT_PX}px`}
          </p>
          {planned.length > 0 && (
            <p className="mt-1 text-xs text-ink-muted" data-testid="export-cost">
              Uses {credits} render credit{credits === 1 ? "" : "s"}
              {document.shots.length > 0 && ` · ${shots.length + (shotPick.main ? 1 : 0)} shots`}
            </p>
          )}
        </div>
        <div className="border-t border-line px-6 py-4">
          <ExportRefusal problem={error} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} disabled={planned.length === 0}>
              Export {planned.length || ""} image{planned.length === 1 ? "" : "s"}
            </Button>
          </div>
        </div>
      </form>
    </dialog>
  );
}

/** What the server will render (the same plan it runs); nothing when the pick is empty or refused. */
function plannedImages(document: SceneDocument, request: Parameters<typeof planOutputs>[0]) {
  try {
    return { planned: planExport(document, request), problem: null };
  } catch (error) {
    const tooMany = error instanceof Error && /at most/.test(error.message);
    return { planned: [], problem: tooMany ? error.message : null };
  }
}

function RatioGlyph({ width, height }: { width: number; height: number }) {
  const scale = 18 / Math.max(width, height);
  return (
    <span
      aria-hidden="true"
      className="inline-block shrink-0 rounded-[3px] border-2 border-current text-ink-soft"
      style={{ width: width * scale, height: height * scale }}
    />
  );
}
