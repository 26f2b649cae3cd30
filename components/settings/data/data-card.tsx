import Link from "next/link";

/** The Settings page's link to Data: export everything, delete the workspace or the account. */
export function DataCard() {
  return (
    <section
      aria-labelledby="data-title"
      className="flex items-center justify-between gap-4 rounded-2xl border border-line bg-white p-6 shadow-card"
    >
      <div>
        <h2 id="data-title" className="text-base font-semibold">
          Your data
        </h2>
        <p className="mt-1 text-sm text-ink-muted">Export everything in this workspace, or delete it for good.</p>
      </div>
      <Link href="/settings/data" className="shrink-0 text-sm font-medium text-accent hover:underline">
        Export or delete
      </Link>
    </section>
  );
}
