"use client";
import "@/components/brand/brand-font-faces";
import Link from "next/link";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { BRAND_FONTS } from "@/lib/overlays/fonts";
import { OVERLAY_ANCHORS, TEXT_ROLES, type Overlay, type OutputSpec, type OverlayAnchor } from "@/lib/scene";
import { CheckboxField, ColorField, GroupLabel, SelectField, SliderField, TextButton, focusRing } from "../controls";
import { useEditor } from "../editor-context";
import { useBrandIdentity } from "./use-brand-identity";

const ROLE_LABEL = { headline: "Headline", price: "Price", cta: "Call to action" } as const;
const ANCHOR_LABEL: Record<OverlayAnchor, string> = {
  "top-left": "Top left",
  "top-center": "Top centre",
  "top-right": "Top right",
  "middle-left": "Middle left",
  center: "Centre",
  "middle-right": "Middle right",
  "bottom-left": "Bottom left",
  "bottom-center": "Bottom centre",
  "bottom-right": "Bottom right",
};

/** A 3 x 3 grid of anchor buttons: arrow-key friendly as plain buttons, each named for screen readers. */
function AnchorGrid({
  value,
  onChange,
  disabled,
  label,
}: {
  value: OverlayAnchor;
  onChange: (anchor: OverlayAnchor) => void;
  disabled: boolean;
  label: string;
}) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <GroupLabel id={id}>{label}</GroupLabel>
      <div className="grid w-28 grid-cols-3 gap-1 rounded-md border border-line bg-canvas-sunken p-1">
        {OVERLAY_ANCHORS.map((anchor) => (
          <button
            key={anchor}
            type="button"
            aria-label={ANCHOR_LABEL[anchor]}
            aria-pressed={anchor === value}
            title={ANCHOR_LABEL[anchor]}
            disabled={disabled}
            onClick={() => onChange(anchor)}
            className={`flex h-7 items-center justify-center rounded ${focusRing} ${
              anchor === value ? "bg-accent" : "bg-white hover:bg-accent-soft"
            } disabled:cursor-not-allowed disabled:opacity-60`}
          >
            <span
              aria-hidden="true"
              className={`h-1.5 w-1.5 rounded-full ${anchor === value ? "bg-white" : "bg-line-strong"}`}
            />
          </button>
        ))}
      </div>
    </div>
  );
}

function TextInput({ overlay, disabled }: { overlay: Extract<Overlay, { kind: "text" }>; disabled: boolean }) {
  const { execute, endCoalescing } = useEditor();
  const [draft, setDraft] = useState(overlay.text);
  const id = useId();
  const error = !draft.trim()
    ? "Enter some text, or remove this line."
    : draft.length > 120
      ? "Use at most 120 characters."
      : null;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm text-ink">
        Text
      </label>
      <input
        id={id}
        value={draft}
        disabled={disabled}
        maxLength={140}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const text = e.target.value;
          if (text.trim() && text.length <= 120)
            execute({
              type: "setOverlayText",
              args: { id: overlay.id, text },
              coalesceKey: `overlay.text.${overlay.id}`,
            });
        }}
        onBlur={endCoalescing}
        className={`block w-full rounded-md border bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 ${
          error ? "border-danger" : "border-line-strong"
        }`}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function OverlayCard({ overlay, output }: { overlay: Overlay; output: OutputSpec }) {
  const { execute, endCoalescing, readOnly } = useEditor();
  const own = overlay.placements[output.id];
  const placement = own ?? overlay.placements.default;
  const place = (patch: Partial<typeof placement>, coalesceKey?: string) =>
    execute({
      type: "setOverlayPlacement",
      args: { id: overlay.id, outputId: output.id, placement: patch },
      coalesceKey,
    });
  const title = overlay.kind === "logo" ? "Logo" : ROLE_LABEL[overlay.role];
  const headingId = useId();
  return (
    <li className="space-y-3 rounded-lg border border-line p-3" aria-labelledby={headingId} data-overlay={overlay.id}>
      <div className="flex items-center justify-between gap-2">
        <h4 id={headingId} className="text-sm font-medium text-ink">
          {title}
        </h4>
        <TextButton
          tone="danger"
          label={`Remove ${title.toLowerCase()}`}
          disabled={readOnly}
          onClick={() => execute({ type: "removeOverlay", args: { id: overlay.id } })}
        >
          Remove
        </TextButton>
      </div>
      {overlay.kind === "text" && (
        <>
          <TextInput key={overlay.id} overlay={overlay} disabled={readOnly} />
          <SelectField
            label="Font"
            value={overlay.fontId}
            options={BRAND_FONTS.map((f) => ({ value: f.id, label: `${f.label} (${f.kind})` }))}
            disabled={readOnly}
            onChange={(fontId) => execute({ type: "setOverlayText", args: { id: overlay.id, fontId } })}
          />
          <ColorField
            label="Text colour"
            value={overlay.color}
            disabled={readOnly}
            onChange={(color, live) =>
              execute({
                type: "setOverlayText",
                args: { id: overlay.id, color },
                coalesceKey: live ? `overlay.color.${overlay.id}` : undefined,
              })
            }
            onCommit={endCoalescing}
          />
        </>
      )}
      <div className="flex items-start gap-4">
        <AnchorGrid
          label={`Position in ${output.label}`}
          value={placement.anchor}
          disabled={readOnly}
          onChange={(anchor) => place({ anchor })}
        />
        <div className="min-w-0 flex-1 space-y-2 pt-5 text-xs text-ink-muted">
          <p>{own ? `Placed for ${output.label} only.` : "Same place in every ratio until you move it here."}</p>
          {own && (
            <TextButton
              disabled={readOnly}
              label={`Use the shared position for ${title.toLowerCase()}`}
              onClick={() => execute({ type: "resetOverlayPlacement", args: { id: overlay.id, outputId: output.id } })}
            >
              Use shared position
            </TextButton>
          )}
        </div>
      </div>
      <SliderField
        label="Size"
        value={placement.size}
        min={0.02}
        max={0.6}
        step={0.01}
        format={(v) => `${Math.round(v * 100)}%`}
        hint="Height, as a share of the image's shorter side"
        disabled={readOnly}
        onChange={(size) => place({ size }, `overlay.size.${overlay.id}.${output.id}`)}
        onCommit={endCoalescing}
      />
      <CheckboxField
        label={`Show in ${output.label}`}
        checked={placement.visible}
        disabled={readOnly}
        onChange={(visible) => place({ visible })}
      />
    </li>
  );
}

/** Brand overlays: the kit's logo and text lines, placed per output ratio. Loaded on demand (fonts, layout). */
export function OverlaysSection({ output }: { output: OutputSpec }) {
  const { doc, execute, readOnly } = useEditor();
  const { identity, error } = useBrandIdentity();
  const full = doc.overlays.length >= 6;
  const headlineFont = identity?.fonts[0] ?? "inter";
  const bodyFont = identity?.fonts[1] ?? headlineFont;
  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          disabled={readOnly || full || !identity?.logo}
          onClick={() =>
            identity?.logo &&
            execute({ type: "addOverlay", args: { overlay: { kind: "logo", assetId: identity.logo.id } } })
          }
          className={`rounded-md border border-line-strong bg-white px-2.5 py-1.5 text-xs font-medium text-ink-soft hover:border-ink-muted hover:text-ink disabled:cursor-not-allowed disabled:opacity-50 ${focusRing}`}
        >
          Add logo
        </button>
        {TEXT_ROLES.map((role) => (
          <button
            key={role}
            type="button"
            disabled={readOnly || full}
            onClick={() =>
              execute({
                type: "addOverlay",
                args: { overlay: { kind: "text", role, fontId: role === "headline" ? headlineFont : bodyFont } },
              })
            }
            className={`rounded-md border border-line-strong bg-white px-2.5 py-1.5 text-xs font-medium text-ink-soft hover:border-ink-muted hover:text-ink disabled:cursor-not-allowed disabled:opacity-50 ${focusRing}`}
          >
            Add {ROLE_LABEL[role].toLowerCase()}
          </button>
        ))}
      </div>
      {identity && !identity.logo && (
        <p className="text-xs text-ink-muted">
          No logo yet.{" "}
          <Link href="/settings/brand" className={`rounded font-medium text-accent hover:underline ${focusRing}`}>
            Upload one in Settings › Brand
          </Link>
        </p>
      )}
      {full && <p className="text-xs text-ink-muted">A scene holds at most 6 overlays.</p>}
      {doc.overlays.length > 0 && (
        <ul className="space-y-3" aria-label="Overlays">
          {doc.overlays.map((overlay) => (
            <OverlayCard key={overlay.id} overlay={overlay} output={output} />
          ))}
        </ul>
      )}
    </div>
  );
}
