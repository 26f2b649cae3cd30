"use client";

import { useQueryClient } from "@tanstack/react-query";
import { requestExportAction } from "@/app/(app)/settings/data/actions";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { fromAction, useSubmit } from "@/lib/client/use-submit";
import type { WorkspaceExportView } from "@/lib/workspace-data/workspace-data-service";
import { useWorkspaceExports, workspaceExportsKey } from "./use-workspace-exports";

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const size = (bytes: number | null) => (bytes === null ? "" : ` · ${(bytes / 1_048_576).toFixed(1)} MB`);

/** "Export everything": starts the background job, shows its progress, then the download link until it expires. */
export function ExportPanel({ initial }: { initial: WorkspaceExportView[] }) {
  const queryClient = useQueryClient();
  const { data } = useWorkspaceExports(initial);
  const { pending, error, run } = useSubmit();
  const exports = data?.exports ?? [];
  const active = exports.find((e) => e.status === "queued" || e.status === "running");

  async function start() {
    const result = await run(async () => fromAction(await requestExportAction({})));
    if (result.ok) await queryClient.invalidateQueries({ queryKey: workspaceExportsKey });
  }

  return (
    <section aria-labelledby="export-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <h2 id="export-title" className="text-base font-semibold">
        Export everything
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        One ZIP with every record of this workspace as JSON (one file per table), every stored file (models, renders,
        videos, viewers) and a README of the format. The download link works for 7 days.
      </p>
      <div className="mt-4">
        <Button onClick={start} pending={pending} disabled={Boolean(active)}>
          {active ? "Export in progress" : "Export everything"}
        </Button>
      </div>
      {error && (
        <div className="mt-3">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
      {exports.length > 0 && (
        <ul className="mt-5 divide-y divide-line" data-testid="exports">
          {exports.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium">Export of {when(e.createdAt)}</p>
                {(e.status === "queued" || e.status === "running") && (
                  <div className="mt-2">
                    <div
                      role="progressbar"
                      aria-label="Export progress"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={Math.round(e.progress * 100)}
                      className="h-2 w-full max-w-xs overflow-hidden rounded-full bg-canvas-sunken"
                    >
                      <div
                        className="h-full bg-accent transition-all"
                        style={{ width: `${Math.round(e.progress * 100)}%` }}
                      />
                    </div>
                    <p className="mt-1 text-xs text-ink-muted">
                      {e.status === "queued" ? "Waiting to start…" : `${Math.round(e.progress * 100)}% written`}
                    </p>
                  </div>
                )}
                {e.status === "done" && e.expiresAt && (
                  <p className="text-xs text-ink-muted">
                    Ready{size(e.bytes)} · link expires {when(e.expiresAt)}
                  </p>
                )}
                {e.status === "expired" && <p className="text-xs text-ink-muted">The link has expired.</p>}
                {e.status === "failed" && <p className="text-xs text-danger">{e.error ?? "The export failed."}</p>}
              </div>
              {e.downloadUrl && (
                <a href={e.downloadUrl} className={buttonClass("secondary")} download>
                  Download ZIP
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
