import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { renderHealth } from "@/lib/renders/render-health";
import { recentLiveRenderWorkers } from "@/lib/renders/live-workers";
import { RefreshWhilePaused } from "./refresh-while-paused";

/**
 * "Rendering is paused: <reason>" when no worker can draw this workspace's renders, previews or thumbnails,
 * instead of placeholders that never fill in; nothing when all is well. Streamed (Suspense), so the page never
 * waits for it. The live workers are one read shared by this process's pages for a few seconds (they are global rows).
 */
export function RenderingPausedBanner({ workspaceId }: { workspaceId: string }) {
  return (
    <Suspense fallback={null}>
      <PausedReason workspaceId={workspaceId} />
    </Suspense>
  );
}

async function PausedReason({ workspaceId }: { workspaceId: string }) {
  const { paused, noWorker } = await renderHealth(getDb(), workspaceId, recentLiveRenderWorkers);
  // No worker, and nothing waiting yet: the page may queue previews as it opens (the template gallery does), so look once more.
  if (!paused) return noWorker ? <RefreshWhilePaused once /> : null;
  return (
    <div className="mb-6" data-testid="rendering-paused">
      <Alert tone="info">Rendering is paused: {paused}</Alert>
      <RefreshWhilePaused />
    </div>
  );
}
