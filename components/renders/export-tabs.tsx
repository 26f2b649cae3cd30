"use client";

/** Stills or Video, at the top of the Export dialog: a tab list the keyboard can move through (arrows). */
export type ExportTab = "stills" | "video";

const TABS: { id: ExportTab; label: string }[] = [
  { id: "stills", label: "Stills" },
  { id: "video", label: "Video" },
];

export function ExportTabs({ tab, onChange }: { tab: ExportTab; onChange: (tab: ExportTab) => void }) {
  return (
    <div role="tablist" aria-label="Export" className="flex gap-1 border-b border-line px-6 pt-4">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          tabIndex={tab === t.id ? 0 : -1}
          onClick={() => onChange(t.id)}
          onKeyDown={(e) => {
            if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
            const next = TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length];
            onChange(next.id);
            (e.currentTarget.parentElement?.children[TABS.indexOf(next)] as HTMLElement | undefined)?.focus();
          }}
          className={`-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium ${tab === t.id ? "border-accent text-ink" : "border-transparent text-ink-muted hover:text-ink"}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
