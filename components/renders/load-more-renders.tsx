"use client";

import { Button } from "@/components/ui/button";

/**
 * Under the renders list: how many exports are shown, and "Load more" for the older ones while there are any.
 * The button keeps its place and says it is working, so keyboard focus stays on it between batches.
 */
export function LoadMoreRenders({
  shown,
  filtered = false,
  hasMore,
  loading,
  failed,
  onLoadMore,
}: {
  shown: number;
  /** The list is filtered: the counts are of matching exports. */
  filtered?: boolean;
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  onLoadMore: () => void;
}) {
  return (
    <div className="flex flex-col items-center gap-2 pt-2" data-testid="renders-more">
      <p className="text-sm text-ink-muted" aria-live="polite">
        {hasMore
          ? `Showing the ${shown} newest ${filtered ? "matching " : ""}exports`
          : `All ${shown} ${filtered ? "matching " : ""}${shown === 1 ? "export" : "exports"} shown`}
      </p>
      {failed && (
        <p role="alert" className="text-sm text-danger">
          Could not load older exports. Try again.
        </p>
      )}
      {hasMore && (
        <Button variant="secondary" pending={loading} onClick={onLoadMore}>
          {loading ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}
