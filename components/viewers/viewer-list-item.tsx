"use client";

import { Button, Spinner } from "@/components/ui/button";
import { pluralise } from "@/lib/products/format";
import { formatBytes, formatModelSize } from "@/lib/viewers/format";
import type { ViewerSummary } from "@/lib/viewers/viewer-types";

/** One published viewer: its link's first characters, state, views, model size, and Revoke. */
export function ViewerListItem({
  viewer,
  canRevoke,
  onRevoke,
}: {
  viewer: ViewerSummary;
  canRevoke: boolean;
  onRevoke: (viewer: ViewerSummary) => void;
}) {
  const revoked = viewer.revokedAt !== null;
  return (
    <li className="space-y-1 px-4 py-3" data-testid="viewer-item" data-status={revoked ? "revoked" : viewer.status}>
      <div className="flex items-center justify-between gap-3">
        <span className={`font-mono text-xs ${revoked ? "text-ink-muted line-through" : "text-ink"}`}>
          /v/{viewer.tokenHint}…
        </span>
        {canRevoke && !revoked && (
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs text-danger hover:text-red-800"
            onClick={() => onRevoke(viewer)}
          >
            Revoke…
          </Button>
        )}
      </div>
      <p className="text-xs text-ink-soft">
        {revoked ? (
          "Revoked: the link no longer opens."
        ) : viewer.status === "processing" ? (
          <span className="inline-flex items-center gap-1.5" data-testid="viewer-processing">
            <Spinner className="h-3 w-3" /> Making the web-ready model…
          </span>
        ) : viewer.status === "failed" ? (
          <span className="text-danger">{viewer.error ?? "The model could not be prepared."}</span>
        ) : (
          <>
            <span data-testid="viewer-views">{pluralise(viewer.viewCount, "view")}</span>
            {viewer.modelBytes !== null && (
              <span data-testid="viewer-size"> · {formatModelSize(viewer.modelBytes, viewer.sourceBytes)}</span>
            )}
            {viewer.usdzBytes !== null && (
              <span data-testid="viewer-usdz-size"> · iPhone AR file {formatBytes(viewer.usdzBytes)}</span>
            )}
            {viewer.variant && <span> · {viewer.variant}</span>}
          </>
        )}
      </p>
    </li>
  );
}
