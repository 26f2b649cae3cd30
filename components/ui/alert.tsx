import type { ReactNode } from "react";

const TONES = {
  error: "border-red-200 bg-danger-soft text-danger",
  success: "border-green-200 bg-success-soft text-success",
  info: "border-indigo-200 bg-accent-soft text-accent-ink",
  // Something the user should act on, though nothing failed (a product whose size looks off).
  warning: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

export function Alert({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-3 py-2 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
