/**
 * The plans, as typed config. Paid plans are sold through Stripe Checkout;
 * their Stripe price ids come from the environment (STRIPE_PRICE_PRO,
 * STRIPE_PRICE_BUSINESS: see lib/billing/config.ts).
 */
export type PlanId = "trial" | "pro" | "business";

export type Plan = {
  id: PlanId;
  name: string;
  priceMonthlyUsd: number | null;
  tagline: string;
  monthlyCredits: number;
  maxOutputPx: number;
  watermark: boolean;
  seats: number;
  features: string[];
};

export const PLANS: Plan[] = [
  {
    id: "trial",
    name: "Free trial",
    priceMonthlyUsd: 0,
    tagline: "Try Plinth with your own product.",
    monthlyCredits: 30,
    maxOutputPx: 2048,
    watermark: true,
    seats: 1,
    features: [
      "30 render credits, once",
      "Every template and format",
      "Outputs up to 2048 px",
      "Small Plinth watermark",
      "1 seat",
    ],
  },
  {
    id: "pro",
    name: "Pro",
    priceMonthlyUsd: 39,
    tagline: "For one brand shipping visuals every week.",
    monthlyCredits: 400,
    maxOutputPx: 4096,
    watermark: false,
    seats: 3,
    features: ["400 render credits a month", "Outputs up to 4096 px", "No watermark", "3 seats"],
  },
  {
    id: "business",
    name: "Business",
    priceMonthlyUsd: 129,
    tagline: "For teams and agencies with many products.",
    monthlyCredits: 2000,
    maxOutputPx: 4096,
    watermark: false,
    seats: 10,
    features: [
      "2,000 render credits a month",
      "Outputs up to 4096 px",
      "No watermark",
      "10 seats",
      "360° video (coming)",
    ],
  },
];

/** One output up to 2048 px costs one credit; larger outputs cost by area, rounded up. */
export function creditsForOutput(width: number, height: number): number {
  return Math.max(1, Math.ceil((width * height) / (2048 * 2048)));
}

/**
 * A Studio image (issue 18) costs this many times a Final of its size. Draft and Final cost the same: a warm Final
 * holds a worker for seconds. Studio holds it for the whole path-tracing budget on top (STUDIO_BUDGET_S, 60 s by
 * default), so one Studio image takes the worker time of a dozen or more Finals; 5x charges for part of that without
 * making a hero shot dearer than a small batch. Fixed, not scaled by the budget: a price the user sees should not
 * move with a server setting they cannot see.
 */
export const STUDIO_CREDIT_MULTIPLIER = 5;

/** What one still costs at this quality (Studio: STUDIO_CREDIT_MULTIPLIER times the Final price). */
export function creditsForStill(width: number, height: number, quality: string): number {
  return creditsForOutput(width, height) * (quality === "studio" ? STUDIO_CREDIT_MULTIPLIER : 1);
}

/**
 * Videos are priced per second of output, per ratio (each ratio is its own file): a 6 s video in 1:1 and 9:16
 * costs 12 credits. The Video tab shows the total before export.
 */
export const VIDEO_CREDITS_PER_SECOND = 1;

/** What one video output costs: its seconds times the rate, rounded up, at least one credit. */
export function creditsForVideo(durationS: number): number {
  return Math.max(1, Math.ceil(durationS * VIDEO_CREDITS_PER_SECOND));
}

export const TRIAL_PLAN: Plan = PLANS[0];
export const PAID_PLAN_IDS = ["pro", "business"] as const;
export type PaidPlanId = (typeof PAID_PLAN_IDS)[number];

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === "string" && PLANS.some((p) => p.id === value);
}

export function getPlan(id: string | null | undefined): Plan {
  return PLANS.find((p) => p.id === id) ?? TRIAL_PLAN;
}
