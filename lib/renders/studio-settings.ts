import { env } from "@/lib/env";
import type { StudioOffer } from "./studio";

/** The server's Studio settings (lib/env.ts), handed to the export dialog as props: no env in client bundles. */
export function studioOffer(): StudioOffer {
  const e = env();
  return { enabled: e.STUDIO_RENDERS === "1", budgetS: e.STUDIO_BUDGET_S };
}
