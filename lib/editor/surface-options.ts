/** The set surfaces as the editor names them (issue 18): one list for the floor, podium and prop pickers. */
import { SURFACE_FINISHES, type SurfaceFinish } from "../scene";

export const SURFACE_LABELS: Record<SurfaceFinish, string> = {
  plain: "Plain colour",
  marble: "Marble",
  terrazzo: "Terrazzo",
  travertine: "Travertine",
  oak: "Oak",
  linen: "Linen",
  paper: "Paper",
  "brushed-metal": "Brushed metal",
  concrete: "Concrete",
};

export const SURFACE_OPTIONS: readonly { value: SurfaceFinish; label: string }[] = SURFACE_FINISHES.map((value) => ({
  value,
  label: SURFACE_LABELS[value],
}));

export const isSurfaceFinish = (value: string): value is SurfaceFinish =>
  (SURFACE_FINISHES as readonly string[]).includes(value);

/** Reflection strength as a percentage ("0%": no mirror). */
export const formatReflection = (value: number) => `${Math.round(value * 100)}%`;
