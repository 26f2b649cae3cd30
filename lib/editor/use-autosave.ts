"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { createAutosaver, type AutosaveStatus, type Autosaver, type SaveOutcome } from "./autosave";

/** Turns an API error body into one readable sentence (422 names the fields). */
export function describeSaveError(status: number, body: unknown): string {
  const error = (body as { error?: { message?: string; fields?: Record<string, string> } } | null)?.error;
  const fields = error?.fields ? Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`) : [];
  if (status === 422) return fields.length ? fields.join("; ") : (error?.message ?? "The scene is not valid");
  if (status === 403) return error?.message ?? "You don't have permission to edit this scene";
  if (status === 404) return error?.message ?? "This scene no longer exists";
  if (status === 401) return "Your session has expired. Sign in again";
  return error?.message ?? `Server error (${status})`;
}

async function putDocument<T>(
  url: string,
  doc: T,
  keepalive: boolean,
  revision: number | undefined,
): Promise<SaveOutcome> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ document: doc, revision }),
      keepalive,
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: "You seem to be offline" };
  }
  const body: unknown = await res.json().catch(() => null);
  const saved = (body as { revision?: unknown } | null)?.revision;
  const newRevision = typeof saved === "number" ? saved : undefined;
  if (res.ok) return { ok: true, revision: newRevision };
  const message = describeSaveError(res.status, body);
  // 409: someone saved since our revision. `revision` is theirs; the autosaver stops and the editor asks what to do.
  if (res.status === 409) return { ok: false, message, conflict: { revision: newRevision ?? 0 } };
  return { ok: false, message };
}

/**
 * Autosaves `doc` to `url` (PUT { document, revision }) whenever it changes by reference,
 * debounced; flushes with keepalive when the page is hidden or closed. `revision` is the
 * loaded scene's: a save that turns out stale puts the status in "conflict" and stops.
 */
export function useAutosave<T>({
  url,
  doc,
  revision,
  enabled = true,
  delayMs,
}: {
  url: string;
  doc: T;
  revision?: number;
  enabled?: boolean;
  delayMs?: number;
}) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle", message: null });
  // The newest revision the server confirmed (the History panel names it when it restores or names a version).
  const [savedRevision, setSavedRevision] = useState(revision);
  const saverRef = useRef<Autosaver<T> | null>(null);
  const lastDoc = useRef(doc);

  useEffect(() => {
    if (!enabled) return;
    const saver = createAutosaver<T>({
      save: async (d, options) => {
        const outcome = await putDocument(url, d, options.keepalive, options.revision);
        const confirmed = outcome.ok ? outcome.revision : undefined;
        if (confirmed !== undefined) setSavedRevision((r) => Math.max(r ?? 0, confirmed));
        return outcome;
      },
      revision,
      delayMs,
      onStatus: setStatus,
    });
    saverRef.current = saver;
    const flush = () => saver.flush({ keepalive: true });
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      // Leaving the editor inside the app (client navigation): don't drop the last edit.
      saver.flush({ keepalive: true });
      saver.dispose();
      saverRef.current = null;
    };
    // The revision is read once per saver: later ones come from the server's answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, enabled, delayMs]);

  useEffect(() => {
    if (doc === lastDoc.current) return;
    lastDoc.current = doc;
    saverRef.current?.edit(doc);
  }, [doc]);

  const retry = useCallback(() => saverRef.current?.retry(), []);
  return { status, retry, revision: savedRevision };
}
