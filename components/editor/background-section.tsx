"use client";
import type { BackgroundKind, BackgroundSpec } from "@/lib/scene";
import { ChoiceGroup, ColorField, SliderField } from "./controls";
import { useEditor } from "./editor-context";

const KINDS: { value: BackgroundKind; label: string }[] = [
  { value: "solid", label: "Solid" },
  { value: "gradient", label: "Gradient" },
  { value: "environment", label: "Scene" },
  { value: "transparent", label: "Transparent" },
];

const FALLBACK = "#ece8e3";

/** Switching kind keeps the colours the user already picked where it can. */
function backgroundOfKind(kind: BackgroundKind, current: BackgroundSpec): BackgroundSpec {
  const base = current.kind === "solid" ? current.color : current.kind === "gradient" ? current.from : FALLBACK;
  switch (kind) {
    case "solid":
      return { kind, color: base };
    case "gradient":
      return { kind, from: base, to: "#ffffff", angle: 0 };
    case "environment":
      return { kind, blur: 0.6 };
    case "transparent":
      return { kind };
  }
}

export function backgroundSummary(background: BackgroundSpec): string {
  switch (background.kind) {
    case "solid":
      return background.color;
    case "gradient":
      return `${background.from} → ${background.to}`;
    case "environment":
      return "Scene";
    case "transparent":
      return "Transparent";
  }
}

export function BackgroundSection() {
  const { doc, execute, endCoalescing, readOnly } = useEditor();
  const background = doc.background;
  const set = (next: BackgroundSpec, key?: string) =>
    execute({ type: "setBackground", args: { background: next }, coalesceKey: key });
  return (
    <>
      <ChoiceGroup
        label="Type"
        columns={2}
        value={background.kind}
        options={KINDS}
        disabled={readOnly}
        onChange={(kind) => kind !== background.kind && set(backgroundOfKind(kind, background))}
      />
      {background.kind === "solid" && (
        <ColorField
          label="Background colour"
          value={background.color}
          disabled={readOnly}
          onChange={(color, live) =>
            execute({ type: "setBackgroundColor", args: { color }, coalesceKey: live ? "background.color" : undefined })
          }
          onCommit={endCoalescing}
        />
      )}
      {background.kind === "gradient" && (
        <>
          <ColorField
            label="Bottom colour"
            value={background.from}
            disabled={readOnly}
            onChange={(from, live) => set({ ...background, from }, live ? "background.from" : undefined)}
            onCommit={endCoalescing}
          />
          <ColorField
            label="Top colour"
            value={background.to}
            disabled={readOnly}
            onChange={(to, live) => set({ ...background, to }, live ? "background.to" : undefined)}
            onCommit={endCoalescing}
          />
          <SliderField
            label="Angle"
            value={background.angle}
            min={0}
            max={360}
            step={1}
            format={(v) => `${Math.round(v)}°`}
            disabled={readOnly}
            onChange={(angle) => set({ ...background, angle }, "background.angle")}
            onCommit={endCoalescing}
          />
        </>
      )}
      {background.kind === "environment" && (
        <SliderField
          label="Blur"
          value={background.blur}
          min={0}
          max={1}
          step={0.01}
          format={(v) => `${Math.round(v * 100)}%`}
          disabled={readOnly}
          hint="Shows the lighting environment behind the product."
          onChange={(blur) => set({ kind: "environment", blur }, "background.blur")}
          onCommit={endCoalescing}
        />
      )}
      {background.kind === "transparent" && (
        <p className="text-xs text-ink-muted">Exports as a cut-out (PNG or WebP with transparency).</p>
      )}
    </>
  );
}
