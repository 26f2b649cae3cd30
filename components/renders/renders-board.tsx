"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { api } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import { useSubmit } from "@/lib/client/use-submit";
import type { RenderListItem, RenderListPage } from "@/lib/renders/render-service";
import type { RendersFilters } from "@/lib/renders/renders-filters";
import { batchTitle } from "@/lib/renders/batch-title";
import { QUALITY_LABEL } from "@/lib/renders/studio";
import { BatchAlbumTools } from "@/components/albums/batch-album-tools";
import { useReviewStates } from "@/components/albums/use-review-states";
import type { ReviewStateOf } from "@/lib/albums/review-states";
import { LoadMoreRenders } from "./load-more-renders";
import { OutputTile } from "./output-tile";
import { isActive, RENDERS_QUERY_KEY, useRenders } from "./use-renders";

/**
 * Exports in the server's HTML: the first screen (a batch card is a row of tiles, about 300 px tall). The rest of the
 * page's exports mount once the page is hydrated, with "Load more": ten cards of six tiles on every request made
 * Renders the costliest page to serve (issue 21), and the browser renders them once.
 */
const SERVER_RENDERED_BATCHES = 3;

export function RendersBoard({
  initialPage,
  canDelete,
  filters = {},
}: {
  initialPage: RenderListPage;
  canDelete: boolean;
  filters?: RendersFilters;
}) {
  const { batches, error, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = useRenders(
    initialPage,
    filters,
  );
  const filtered = Boolean(filters.productId || filters.templateId || filters.status);
  const hydrated = useHydrated();
  const reviewStates = useReviewStates(
    batches.flatMap((batch) => batch.outputs.filter((o) => o.status === "done").map((o) => o.id)),
  );
  if (batches.length === 0 && filtered) {
    return (
      <EmptyState
        title="No exports match these filters"
        body="Try another product, template or status, or clear the filters to see every export."
        action={
          <Link href="/renders" className={buttonClass("secondary")}>
            Clear filters
          </Link>
        }
      />
    );
  }
  if (batches.length === 0) {
    return (
      <EmptyState
        title="Nothing rendered yet"
        body="Open a scene and press Export to get every format at once: square, portrait, story and banner."
        action={
          <Link href="/scenes" className={buttonClass("primary")}>
            Go to scenes
          </Link>
        }
      />
    );
  }
  return (
    <div className="space-y-6">
      {error && !isFetchNextPageError && (
        <p role="alert" className="text-sm text-danger">
          Could not refresh the list. It will try again.
        </p>
      )}
      {(hydrated ? batches : batches.slice(0, SERVER_RENDERED_BATCHES)).map((batch) => (
        <BatchCard key={batch.id} batch={batch} canDelete={canDelete} reviewStates={reviewStates} />
      ))}
      {/* Below the cards, so it comes with them: before hydration its count would be wrong and its button dead. */}
      {hydrated && (
        <LoadMoreRenders
          shown={batches.length}
          filtered={filtered}
          hasMore={hasNextPage}
          loading={isFetchingNextPage}
          failed={isFetchNextPageError}
          onLoadMore={() => void fetchNextPage()}
        />
      )}
    </div>
  );
}

function BatchCard({
  batch,
  canDelete,
  reviewStates,
}: {
  batch: RenderListItem;
  canDelete: boolean;
  reviewStates: Record<string, ReviewStateOf> | undefined;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // The confirm dialog mounts on the first Delete (and stays, so closing it returns focus as a dialog should): ten
  // closed dialogs were a tenth of the markup every Renders request rendered.
  const [dialogMounted, setDialogMounted] = useState(false);
  const { pending: deleting, error, run } = useSubmit();
  const deleteError = error?.message ?? null;
  const done = batch.outputs.filter((o) => o.status === "done").length;
  const failed = batch.outputs.filter((o) => o.status === "failed").length;
  const total = batch.outputs.length;
  const active = isActive(batch);

  async function remove() {
    const result = await run(() =>
      api.delete(`/api/renders/batches/${batch.id}`, { fallback: "Could not delete this export." }),
    );
    if (!result.ok) return;
    setConfirming(false);
    await queryClient.invalidateQueries({ queryKey: RENDERS_QUERY_KEY });
  }

  return (
    <section
      className="rounded-2xl border border-line bg-white p-5 shadow-card"
      aria-labelledby={`batch-${batch.id}`}
      data-testid="render-batch"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`batch-${batch.id}`} className="font-semibold">
            {batchTitle(batch.productName, batch.sceneName)}
          </h2>
          <p className="text-xs text-ink-muted">
            {new Date(batch.createdAt).toLocaleString()} · {batch.format.toUpperCase()}
            {batch.transparent ? " · transparent" : ""} · {QUALITY_LABEL[batch.quality]}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-ink-soft" data-testid="batch-progress" aria-live="polite">
            {active
              ? `Rendering… ${done} of ${total} done`
              : failed
                ? `${done} done, ${failed} failed`
                : `All ${total} done`}
          </span>
          {done > 0 && (
            <a href={`/api/renders/batches/${batch.id}/zip`} className={buttonClass("secondary")} download>
              Download all (ZIP)
            </a>
          )}
          {canDelete && (
            <Button
              variant="ghost"
              className="text-danger"
              onClick={() => {
                setDialogMounted(true);
                setConfirming(true);
              }}
            >
              Delete
            </Button>
          )}
        </div>
      </div>
      {active && (
        <div
          className="mt-3 h-1.5 overflow-hidden rounded-full bg-canvas-sunken"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-label="Export progress"
        >
          <div
            className="h-full rounded-full bg-accent transition-all"
            style={{ width: `${Math.max(4, (done / total) * 100)}%` }}
          />
        </div>
      )}
      <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
        {batch.outputs.map((o) => (
          <OutputTile key={o.id} output={o} />
        ))}
      </ul>
      <BatchAlbumTools batch={batch} reviewStates={reviewStates} />
      {deleteError && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {deleteError}
        </p>
      )}
      {dialogMounted && (
        <ConfirmDialog
          open={confirming}
          title="Delete this export?"
          body="Its images are deleted for everyone in the workspace. The scene stays."
          confirmLabel="Delete export"
          pending={deleting}
          onCancel={() => setConfirming(false)}
          onConfirm={remove}
        />
      )}
    </section>
  );
}
