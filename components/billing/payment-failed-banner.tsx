/** Shown across the app while the workspace's last payment has failed. */
export function PaymentFailedBanner({ canManage }: { canManage: boolean }) {
  return (
    <div
      role="alert"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-200 bg-danger-soft px-4 py-3 text-sm text-danger"
    >
      <p className="font-medium">Your last payment failed — update your card</p>
      {canManage ? (
        <a
          href="/api/billing/portal"
          className="rounded-lg bg-white px-3 py-1.5 font-medium text-danger shadow-sm ring-1 ring-red-200 hover:bg-red-50"
        >
          Update card
        </a>
      ) : (
        <span className="text-danger/80">Ask a workspace owner to update it in Settings → Billing.</span>
      )}
    </div>
  );
}
