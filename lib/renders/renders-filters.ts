import { z } from "zod";
import type { RenderOutput } from "@/lib/db/schema";
import { isWellFormedId } from "@/lib/validation/safe-text";

/** The Renders page's filters, as they appear in its URL (?product=&template=&status=) and in GET /api/renders. */
export type RendersFilters = {
  productId?: string;
  templateId?: string;
  /** Exports with at least one output in this state. */
  status?: RenderOutput["status"];
};

// Spelled out rather than read from the schema: the page's client filter bar imports this file, and must not pull
// drizzle into the browser bundle. The `satisfies` keeps the two in step.
export const RENDER_STATUSES = [
  "queued",
  "rendering",
  "done",
  "failed",
] as const satisfies readonly RenderOutput["status"][];

const id = z.string().max(80).refine(isWellFormedId, "Not a valid id.");

/** Checked on the way in: the API answers 422 for a bad value. */
export const rendersFiltersSchema = z.object({
  product: id.optional(),
  template: id.optional(),
  status: z.enum(RENDER_STATUSES).optional(),
});

/**
 * The page reads the same parameters leniently: a hand-edited URL with a value that cannot match anything shows
 * the unfiltered list rather than an error page (the filter bar then shows "All").
 */
export function filtersFromSearchParams(params: Record<string, string | string[] | undefined>): RendersFilters {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const product = one(params.product);
  const template = one(params.template);
  const status = one(params.status);
  return {
    productId: id.safeParse(product).success ? product : undefined,
    templateId: id.safeParse(template).success ? template : undefined,
    status: RENDER_STATUSES.find((s) => s === status),
  };
}

/** The query string for a set of filters (and an optional cursor), in a fixed order: the same filters, one URL. */
export function rendersQueryString(filters: RendersFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.productId) params.set("product", filters.productId);
  if (filters.templateId) params.set("template", filters.templateId);
  if (filters.status) params.set("status", filters.status);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}
