import type { ShopifyPushView } from "@/lib/shopify/push-types";

const PUSH_STATE: Record<ShopifyPushView["status"], { text: string; tone: string }> = {
  queued: { text: "Waiting", tone: "bg-canvas-sunken text-ink-soft" },
  pushing: { text: "Pushing…", tone: "bg-accent-soft text-accent-ink" },
  done: { text: "Published", tone: "bg-success-soft text-success" },
  failed: { text: "Failed", tone: "bg-danger-soft text-danger" },
};

const ITEM_STATE: Record<ShopifyPushView["items"][number]["status"], string> = {
  waiting: "waiting",
  uploading: "uploading…",
  processing: "Shopify is processing…",
  attached: "added",
  failed: "failed",
};

/** Each push's state, its files' states, and Shopify's errors in plain words. */
export function ShopifyPushList({ pushes }: { pushes: ShopifyPushView[] }) {
  if (pushes.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="text-sm font-medium">Recent pushes</h3>
      <ul className="mt-2 space-y-2" aria-live="polite">
        {pushes.map((push) => (
          <li
            key={push.id}
            className="rounded-lg border border-line px-3 py-2 text-sm"
            data-testid="shopify-push"
            data-status={push.status}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <span className="font-medium">{push.productTitle}</span>
                <span className="text-ink-muted">
                  {" "}
                  · {push.items.length} file{push.items.length === 1 ? "" : "s"} ·{" "}
                  {new Date(push.createdAt).toLocaleString()}
                </span>
              </span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${PUSH_STATE[push.status].tone}`}>
                {PUSH_STATE[push.status].text}
              </span>
            </div>
            {push.error && (
              <p className={`mt-1 ${push.status === "failed" ? "text-danger" : "text-ink-soft"}`}>{push.error}</p>
            )}
            <ol className="mt-1 flex flex-wrap gap-x-3 text-xs text-ink-muted">
              {push.items.map((item) => (
                <li key={item.position} title={item.error ?? undefined}>
                  {item.position + 1}. {item.label}: {ITEM_STATE[item.status]}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </div>
  );
}
