"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { api, errorText } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import {
  TEMPLATE_RATIOS,
  TEMPLATE_STYLE_LABELS,
  TEMPLATE_STYLES,
  type TemplateRatio,
  type TemplateStyle,
} from "@/lib/scene/templates/schema";

export type BrandKitValues = {
  brandName: string;
  palette: string[];
  likedStyles: TemplateStyle[];
  dislikedStyles: TemplateStyle[];
  formats: TemplateRatio[];
};

const STARTER_PALETTE = ["#1d3557", "#e63946", "#f1faee"];
const RATIO_NAMES: Record<TemplateRatio, string> = {
  "1:1": "Square",
  "4:5": "Portrait",
  "9:16": "Vertical story",
  "16:9": "Landscape",
  "3:2": "Classic",
  "2:3": "Classic portrait",
};

type Opinion = "like" | "dislike" | null;

export function BrandKitForm({ initial, mode }: { initial: BrandKitValues; mode: "onboarding" | "settings" }) {
  const router = useRouter();
  const [brandName, setBrandName] = useState(initial.brandName);
  const [palette, setPalette] = useState<string[]>(initial.palette.length >= 2 ? initial.palette : STARTER_PALETTE);
  const [opinions, setOpinions] = useState<Record<string, Opinion>>(() =>
    Object.fromEntries([
      ...initial.likedStyles.map((s) => [s, "like"]),
      ...initial.dislikedStyles.map((s) => [s, "dislike"]),
    ]),
  );
  const [formats, setFormats] = useState<TemplateRatio[]>(initial.formats.length ? initial.formats : ["1:1", "9:16"]);
  const { pending, error, run } = useSubmit();
  const [saved, setSaved] = useState(false);

  const setColour = (i: number, value: string) => setPalette((p) => p.map((c, j) => (j === i ? value : c)));
  const cycle = (style: TemplateStyle) =>
    setOpinions((o) => ({ ...o, [style]: o[style] === "like" ? "dislike" : o[style] === "dislike" ? null : "like" }));

  async function submit(body: unknown) {
    setSaved(false);
    const result = await run(() => api.put("/api/brand-kit", body, { fallback: "Could not save the brand kit." }));
    return result.ok;
  }

  async function onSave(event: React.FormEvent) {
    event.preventDefault();
    const ok = await submit({
      brandName,
      palette,
      likedStyles: TEMPLATE_STYLES.filter((s) => opinions[s] === "like"),
      dislikedStyles: TEMPLATE_STYLES.filter((s) => opinions[s] === "dislike"),
      formats,
      onboarding: mode === "onboarding",
    });
    if (!ok) return;
    if (mode === "onboarding") router.push("/templates");
    else {
      setSaved(true);
      router.refresh();
    }
  }

  async function onSkip() {
    if (await submit({ skip: true })) router.push("/templates");
  }

  return (
    <form onSubmit={onSave} className="space-y-6" aria-label="Brand kit">
      <section className="space-y-4 rounded-2xl border border-line bg-white p-6 shadow-card">
        <Field
          label="Brand name"
          name="brandName"
          value={brandName}
          onChange={(e) => setBrandName(e.target.value)}
          placeholder="Acme Cosmetics"
          maxLength={80}
        />
        <div>
          <p className="mb-1 text-sm font-medium text-ink">Brand colours</p>
          <p className="mb-3 text-xs text-ink-muted">
            2 to 6 colours, main colour first. Templates use them for podiums, props and backdrops.
          </p>
          <ul className="flex flex-wrap gap-3" data-testid="palette">
            {palette.map((colour, i) => (
              <li key={i} className="flex items-center gap-2 rounded-lg border border-line px-2 py-1.5">
                <input
                  type="color"
                  value={colour}
                  onChange={(e) => setColour(i, e.target.value)}
                  aria-label={`Colour ${i + 1}`}
                  className="h-8 w-8 cursor-pointer rounded border-0 bg-transparent p-0"
                />
                <input
                  value={colour}
                  onChange={(e) => setColour(i, e.target.value)}
                  aria-label={`Colour ${i + 1} hex`}
                  className="w-20 rounded border border-line-strong px-1.5 py-1 font-mono text-xs"
                  data-testid={`palette-hex-${i}`}
                />
                {palette.length > 2 && (
                  <button
                    type="button"
                    onClick={() => setPalette((p) => p.filter((_, j) => j !== i))}
                    className="text-xs text-ink-muted hover:text-danger"
                    aria-label={`Remove colour ${i + 1}`}
                  >
                    ✕
                  </button>
                )}
              </li>
            ))}
            {palette.length < 6 && (
              <li>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => setPalette((p) => [...p, "#cccccc"])}
                  className="py-2"
                >
                  Add colour
                </Button>
              </li>
            )}
          </ul>
        </div>
      </section>

      <section className="rounded-2xl border border-line bg-white p-6 shadow-card">
        <p className="text-sm font-medium text-ink">Styles</p>
        <p className="mb-3 text-xs text-ink-muted">
          Click once to like (shown first), twice to dislike (shown last), three times to reset.
        </p>
        <ul className="flex flex-wrap gap-2">
          {TEMPLATE_STYLES.map((s) => {
            const o = opinions[s] ?? null;
            return (
              <li key={s}>
                <button
                  type="button"
                  onClick={() => cycle(s)}
                  aria-pressed={o === "like"}
                  data-opinion={o ?? "none"}
                  className={`rounded-full border px-3 py-1.5 text-sm transition-colors ${
                    o === "like"
                      ? "border-accent bg-accent-soft text-accent-ink"
                      : o === "dislike"
                        ? "border-line text-ink-muted line-through"
                        : "border-line-strong text-ink-soft hover:bg-canvas-sunken"
                  }`}
                >
                  {o === "like" ? "♥ " : ""}
                  {TEMPLATE_STYLE_LABELS[s]}
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      <section className="rounded-2xl border border-line bg-white p-6 shadow-card">
        <p className="mb-3 text-sm font-medium text-ink">Formats you publish most</p>
        <div className="flex flex-wrap gap-4">
          {TEMPLATE_RATIOS.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm text-ink-soft">
              <input
                type="checkbox"
                className="h-4 w-4 accent-accent"
                checked={formats.includes(r)}
                onChange={(e) => setFormats((f) => (e.target.checked ? [...f, r] : f.filter((x) => x !== r)))}
              />
              {RATIO_NAMES[r]} <span className="text-ink-muted">{r}</span>
            </label>
          ))}
        </div>
      </section>

      {error && <Alert tone="error">{errorText(error)}</Alert>}
      {saved && <Alert tone="success">Brand kit saved. Template previews are being re-made in your colours.</Alert>}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          {mode === "onboarding" ? "Save and see my templates" : "Save brand kit"}
        </Button>
        {mode === "onboarding" && (
          <Button type="button" variant="ghost" onClick={() => void onSkip()} disabled={pending}>
            Skip for now
          </Button>
        )}
      </div>
    </form>
  );
}
