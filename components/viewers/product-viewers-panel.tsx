"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api, errorText } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { PublishedViewer, ViewerSummary } from "@/lib/viewers/viewer-types";
import { PublishedLink } from "./published-link";
import { productViewersKey, useProductViewers } from "./use-product-viewers";
import { ViewerListItem } from "./viewer-list-item";
import { UsdzNote } from "./usdz-note";

/**
 * The product page's "3D viewer" section: publish a public viewer (a link and embed code, shown once), follow
 * its web-ready model being made, see each viewer's views and model size, and revoke one.
 */
export function ProductViewersPanel({
  productId,
  productName,
  canPublish,
}: {
  productId: string;
  productName: string;
  canPublish: boolean;
}) {
  const queryClient = useQueryClient();
  const viewers = useProductViewers(productId);
  const submit = useSubmit();
  const [autoRotate, setAutoRotate] = useState(true);
  const [published, setPublished] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ViewerSummary | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: productViewersKey(productId) });

  async function publish() {
    const result = await submit.run(
      () => api.post<PublishedViewer>(`/api/products/${productId}/viewers`, { autoRotate }),
      { key: "publish" },
    );
    if (!result.ok) return;
    setPublished(`${window.location.origin}${result.data.path}`);
    await refresh();
  }

  async function revoke(viewer: ViewerSummary) {
    const result = await submit.run(() => api.delete(`/api/viewers/${viewer.id}`), { key: "revoke" });
    setRevoking(null);
    if (result.ok) await refresh();
  }

  const list = viewers.data?.viewers ?? [];
  return (
    <section aria-labelledby="viewers-title" className="space-y-3 rounded-xl border border-line bg-white p-4 text-sm">
      <div>
        <h2 id="viewers-title" className="font-medium text-ink">
          3D viewer
        </h2>
        <p className="mt-1 text-xs text-ink-muted">
          A public page customers can turn, zoom and open in AR (“View in your room”), for your shop or any site.
        </p>
      </div>
      {submit.error && <Alert tone="error">{errorText(submit.error)}</Alert>}
      {published && <PublishedLink url={published} productName={productName} onDone={() => setPublished(null)} />}
      {canPublish && (
        <div className="flex flex-wrap items-center gap-3">
          <Button pending={submit.pendingKey === "publish"} onClick={() => void publish()}>
            Publish 3D viewer
          </Button>
          <label className="flex items-center gap-2 text-xs text-ink-soft">
            <input type="checkbox" checked={autoRotate} onChange={(e) => setAutoRotate(e.target.checked)} />
            Turn slowly on its own
          </label>
        </div>
      )}
      {viewers.isError && <Alert tone="error">The viewers could not be loaded. Reload the page to try again.</Alert>}
      {list.length > 0 && (
        <ul className="divide-y divide-line rounded-lg border border-line" aria-label="Published viewers">
          {list.map((v) => (
            <ViewerListItem key={v.id} viewer={v} canRevoke={canPublish} onRevoke={setRevoking} />
          ))}
        </ul>
      )}
      <UsdzNote />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this 3D viewer?"
        body="Its link and every page that embeds it stop showing the product at once. This cannot be undone."
        confirmLabel="Revoke viewer"
        pending={submit.pendingKey === "revoke"}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && void revoke(revoking)}
      />
    </section>
  );
}
