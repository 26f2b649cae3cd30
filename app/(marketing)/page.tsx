import { ButtonLink } from "@/components/ui/button";
import { RatioShowcase } from "@/components/marketing/ratio-showcase";
import { sellsPlans } from "@/lib/billing/config";
import { TRIAL_PLAN } from "@/lib/billing/plans";

const STEPS = [
  { title: "Add your product", body: "Upload a glTF/GLB from your agency or scanner, or start with a sample." },
  { title: "Pick a scene", body: "Podiums, studio light, seasonal sets: every template previewed with your product." },
  {
    title: "Export every format",
    body: "1:1, 4:5, 9:16, 16:9 and more in one click, exact sizes, brand colours true.",
  },
];

export default function LandingPage() {
  return (
    <div>
      <section className="mx-auto grid max-w-6xl items-center gap-12 px-6 py-16 md:grid-cols-2 md:py-24">
        <div>
          <p className="mb-3 text-sm font-medium text-accent">3D product visuals, no 3D skills</p>
          <h1 className="text-4xl font-semibold tracking-tight text-ink md:text-5xl">
            Studio packshots of your product, in every format at once.
          </h1>
          <p className="mt-5 text-lg text-ink-soft">
            Place your 3D product in a ready-made scene, adjust the light and colours in a few clicks, and export
            square, portrait, story and banner images together: photographic, on-brand, exactly sized.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/sign-up" className="px-6 py-3 text-base">
              Start free
            </ButtonLink>
            {sellsPlans() && (
              <ButtonLink href="/pricing" variant="secondary" className="px-6 py-3 text-base">
                See pricing
              </ButtonLink>
            )}
          </div>
          <p className="mt-3 text-sm text-ink-muted">
            {sellsPlans()
              ? `${TRIAL_PLAN.monthlyCredits} free renders. No card needed.`
              : `${TRIAL_PLAN.monthlyCredits} renders per workspace, up to ${TRIAL_PLAN.maxOutputPx} px. No card needed.`}
          </p>
        </div>
        <RatioShowcase />
      </section>
      <section className="border-t border-line bg-white">
        <ol className="mx-auto grid max-w-6xl gap-8 px-6 py-14 md:grid-cols-3">
          {STEPS.map((s, i) => (
            <li key={s.title}>
              <span className="text-sm font-semibold text-accent">Step {i + 1}</span>
              <h2 className="mt-1 text-lg font-semibold text-ink">{s.title}</h2>
              <p className="mt-1 text-sm text-ink-soft">{s.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
