"use client";
import "./brand-font-faces";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api, errorText, readApiError } from "@/lib/client/api";
import type { BrandIdentityView } from "@/lib/brand/brand-identity";
import { BRAND_FONTS, MAX_BRAND_FONTS, type BrandFontId } from "@/lib/overlays/fonts";

const MAX_MB = 5;
const ACCEPT = "image/svg+xml,image/png,image/webp,image/jpeg,.svg,.png,.webp,.jpg,.jpeg";

/** The kit's logo (uploaded, sanitised and stored as a PNG) and its two fonts: what scene overlays draw. */
export function BrandIdentityForm({ initial }: { initial: BrandIdentityView }) {
  const [identity, setIdentity] = useState(initial);
  const [uploading, setUploading] = useState(false);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [fontError, setFontError] = useState<string | null>(null);
  const [fontStatus, setFontStatus] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const logoId = useId();
  const fontsId = useId();

  async function upload(file: File) {
    setLogoError(null);
    // The server checks too (413); this spares a long upload that would be refused.
    if (file.size > MAX_MB * 1024 * 1024) {
      setLogoError(`This file is ${(file.size / (1024 * 1024)).toFixed(1)} MB; a logo may be at most ${MAX_MB} MB.`);
      return;
    }
    setUploading(true);
    try {
      const res = await fetch(`/api/brand-kit/logo?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        body: file,
      });
      if (!res.ok) setLogoError(errorText(await readApiError(res, "The logo could not be uploaded.")));
      else setIdentity((await res.json()) as BrandIdentityView);
    } catch {
      setLogoError("The server could not be reached. Please try again.");
    } finally {
      setUploading(false);
      if (input.current) input.current.value = "";
    }
  }

  async function removeLogo() {
    setLogoError(null);
    const result = await api.delete<BrandIdentityView>("/api/brand-kit/logo", {
      fallback: "The logo could not be removed.",
    });
    if (result.ok) setIdentity(result.data);
    else setLogoError(errorText(result.error));
  }

  async function toggleFont(id: BrandFontId) {
    setFontError(null);
    setFontStatus(null);
    const chosen = identity.fonts.includes(id) ? identity.fonts.filter((f) => f !== id) : [...identity.fonts, id];
    if (chosen.length > MAX_BRAND_FONTS) {
      setFontError(`Pick at most ${MAX_BRAND_FONTS} fonts: a headline face and a body face. Unselect one first.`);
      return;
    }
    const result = await api.put<BrandIdentityView>(
      "/api/brand-kit/identity",
      { fonts: chosen },
      { fallback: "The fonts could not be saved." },
    );
    if (result.ok) {
      setIdentity(result.data);
      setFontStatus("Fonts saved.");
    } else setFontError(errorText(result.error));
  }

  return (
    <div className="mt-6 space-y-6">
      <section aria-labelledby={logoId} className="space-y-4 rounded-xl border border-line bg-white p-5 shadow-sm">
        <div>
          <h2 id={logoId} className="text-base font-semibold text-ink">
            Logo
          </h2>
          <p className="mt-1 text-sm text-ink-soft">
            SVG, PNG, WebP or JPEG, up to {MAX_MB} MB. SVGs are cleaned (scripts and links removed) and drawn as a PNG.
            Place it on images from the editor&apos;s Overlays section.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <div
            className="flex h-28 w-48 items-center justify-center rounded-lg border border-line bg-[repeating-conic-gradient(#f1f1f1_0%_25%,#ffffff_0%_50%)] bg-[length:16px_16px] p-3"
            data-testid="brand-logo-preview"
          >
            {identity.logo ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, per-workspace file: no image optimiser
              <img src={identity.logo.url} alt="Your brand logo" className="max-h-full max-w-full object-contain" />
            ) : (
              <span className="text-sm text-ink-muted">No logo yet</span>
            )}
          </div>
          <div className="flex flex-col items-start gap-2">
            <input
              ref={input}
              id={`${logoId}-file`}
              type="file"
              accept={ACCEPT}
              className="sr-only"
              disabled={uploading}
              aria-describedby={logoError ? `${logoId}-error` : undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
            <label
              htmlFor={`${logoId}-file`}
              className="inline-flex cursor-pointer items-center rounded-lg border border-line-strong bg-white px-4 py-2 text-sm font-medium text-ink shadow-sm hover:bg-canvas-sunken focus-within:ring-2 focus-within:ring-accent/40"
            >
              {uploading ? "Uploading…" : identity.logo ? "Replace logo" : "Upload logo"}
            </label>
            {identity.logo && (
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                onClick={() => void removeLogo()}
                disabled={uploading}
              >
                Remove logo
              </Button>
            )}
            {identity.logo && (
              <p className="text-xs text-ink-muted">
                {identity.logo.name || "Logo"} · {identity.logo.width}×{identity.logo.height}px
              </p>
            )}
            {identity.logo && (
              <p className="max-w-xs text-xs text-ink-muted">
                Replacing or removing deletes the stored logo. Images already exported keep it; scenes that place it ask
                you to place the new one before they save or export again.
              </p>
            )}
          </div>
        </div>
        {logoError && (
          <div id={`${logoId}-error`}>
            <Alert tone="error">{logoError}</Alert>
          </div>
        )}
      </section>

      <section aria-labelledby={fontsId} className="space-y-4 rounded-xl border border-line bg-white p-5 shadow-sm">
        <div>
          <h2 id={fontsId} className="text-base font-semibold text-ink">
            Fonts
          </h2>
          <p className="mt-1 text-sm text-ink-soft">
            Pick up to {MAX_BRAND_FONTS}: the first for headlines, the second for prices and calls to action. Open
            fonts, shipped with Plinth.
          </p>
        </div>
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Bundled fonts">
          {BRAND_FONTS.map((font) => {
            const index = identity.fonts.indexOf(font.id);
            const selected = index >= 0;
            return (
              <li key={font.id}>
                <button
                  type="button"
                  aria-pressed={selected}
                  onClick={() => void toggleFont(font.id)}
                  className={`flex w-full items-center justify-between gap-3 rounded-lg border px-4 py-3 text-left transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-accent/40 ${
                    selected ? "border-accent bg-accent-soft" : "border-line-strong bg-white hover:border-ink-muted"
                  }`}
                >
                  <span>
                    <span
                      className="block text-xl text-ink"
                      style={{ fontFamily: `"${font.family}", sans-serif`, fontWeight: font.weight }}
                    >
                      {font.label}
                    </span>
                    <span className="text-xs text-ink-muted">{font.kind}</span>
                  </span>
                  {selected && (
                    <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-medium text-white">
                      {index === 0 ? "Headline" : "Body"}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        <div aria-live="polite" className="min-h-5 text-sm">
          {fontError ? (
            <Alert tone="error">{fontError}</Alert>
          ) : (
            fontStatus && <span className="text-ink-muted">{fontStatus}</span>
          )}
        </div>
      </section>
    </div>
  );
}
