import type { Metadata } from "next";
import { BrandKitForm } from "@/components/templates/brand-kit-form";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadBrandKit } from "@/lib/templates/template-service";

export const metadata: Metadata = { title: "Welcome" };

/** After sign-up: the brand kit in one step (skippable), then the gallery. */
export default async function OnboardingPage() {
  const { active } = await requirePageContext("/onboarding");
  const kit = await loadBrandKit(getDb(), active.id);
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6">
        <p className="text-sm font-medium text-accent">Welcome to Plinth</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">Tell us about your brand</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Your colours and the looks you like. Every template is then shown with your product, in your colours. You can
          change this any time in Settings.
        </p>
      </div>
      <BrandKitForm initial={{ ...kit, brandName: kit.brandName || active.name }} mode="onboarding" />
    </div>
  );
}
