"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ExportLimits } from "@/lib/billing/export-limits";
import { MAX_OUTPUT_PX } from "@/lib/renders/export-options";

/** Before the layout says otherwise: no plan limit known, nothing for sale (never a dead-end upgrade). */
const UNKNOWN: ExportLimits = { planName: "", maxOutputPx: MAX_OUTPUT_PX, billing: false, upgrade: null };

const PlanLimitsContext = createContext<ExportLimits>(UNKNOWN);

/** The active workspace's export limits, computed once by the app layout for every page under it. */
export function PlanLimitsProvider({ limits, children }: { limits: ExportLimits; children: ReactNode }) {
  return <PlanLimitsContext.Provider value={limits}>{children}</PlanLimitsContext.Provider>;
}

export function usePlanLimits(): ExportLimits {
  return useContext(PlanLimitsContext);
}
