const FRAMES = [
  { label: "1:1", w: 150, h: 150, bg: "from-rose-100 to-rose-200" },
  { label: "4:5", w: 128, h: 160, bg: "from-indigo-100 to-indigo-200" },
  { label: "9:16", w: 100, h: 178, bg: "from-amber-100 to-amber-200" },
  { label: "16:9", w: 200, h: 112, bg: "from-emerald-100 to-emerald-200" },
];

/** The same product framed for each format: what one export produces. Drawn in CSS so the page stays light. */
export function RatioShowcase() {
  return (
    <div className="flex flex-wrap items-end justify-center gap-4" aria-label="One product exported in four formats">
      {FRAMES.map((f) => (
        <figure key={f.label} className="flex flex-col items-center gap-2">
          <div
            className={`relative flex items-end justify-center overflow-hidden rounded-xl bg-gradient-to-b shadow-card ${f.bg}`}
            style={{ width: f.w, height: f.h }}
          >
            <div className="absolute bottom-[14%] h-[9%] w-[46%] rounded-[50%] bg-black/10 blur-[2px]" />
            <div className="relative mb-[16%] flex flex-col items-center">
              <div className="h-3 w-5 rounded-t-sm bg-stone-700" />
              <div className="h-12 w-9 rounded-md bg-gradient-to-br from-white to-stone-300 shadow" />
              <div className="mt-1 h-3 w-16 rounded-[50%] bg-white/80" />
            </div>
          </div>
          <figcaption className="text-xs font-medium text-ink-muted">{f.label}</figcaption>
        </figure>
      ))}
    </div>
  );
}
