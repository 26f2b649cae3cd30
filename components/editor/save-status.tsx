"use client";
import type { AutosaveStatus } from "@/lib/editor/autosave";
import { Spinner } from "@/components/ui/button";
import { focusRing } from "./controls";

export function SaveStatus({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  const { state } = status;
  return (
    <div data-testid="save-status" data-state={state} className="flex items-center gap-2 text-xs" aria-live="polite">
      {(state === "pending" || state === "saving") && (
        <span className="flex items-center gap-1.5 text-ink-muted">
          <Spinner className="h-3.5 w-3.5" />
          Saving…
        </span>
      )}
      {(state === "saved" || state === "idle") && (
        <span className="flex items-center gap-1.5 text-ink-muted">
          <svg className="h-3.5 w-3.5 text-success" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
            <path
              fillRule="evenodd"
              d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0l-3.5-3.5a1 1 0 1 1 1.4-1.4l2.8 2.79 6.8-6.8a1 1 0 0 1 1.4 0Z"
              clipRule="evenodd"
            />
          </svg>
          Saved
        </span>
      )}
      {state === "conflict" && (
        // Autosave has stopped: the conflict dialog asks whether to reload or keep this version as a copy.
        <span className="font-medium text-danger">Not saved: changed elsewhere</span>
      )}
      {state === "error" && (
        <span className="flex items-center gap-1.5 font-medium text-danger">
          Couldn&apos;t save
          <span aria-hidden="true">—</span>
          <button
            type="button"
            onClick={onRetry}
            className={`rounded px-1 underline underline-offset-2 hover:text-red-800 ${focusRing}`}
          >
            Retry
          </button>
        </span>
      )}
    </div>
  );
}
