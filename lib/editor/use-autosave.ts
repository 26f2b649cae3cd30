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

async function putDocument<T>(url: string, doc: T, keepalive: boolean): Promise<SaveOutcome> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ document: doc }),
      keepalive,
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: "You seem to be offline" };
  }
  if (res.ok) return { ok: true };
  const body: unknown = await res.json().catch(() => null);
  return { ok: false, message: describeSaveError(res.status, body) };
}

/**
 * Autosaves `doc` to `url` (PUT { document }) whenever it changes by reference,
 * debounced; flushes with keepalive when the page is hidden or closed.
 */
export function useAutosave<T>({ url, doc, enabled = true, delayMs }: { url: string; doc: T; enabled?: boolean; delayMs?: number }) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle", message: null });
  const saverRef = useRef<Autosaver<T> | null>(null);
  const lastDoc = useRef(doc);

  useEffect(() => {
    if (!enabled) return;
    const saver = createAutosaver<T>({
      save: (d, { keepalive }) => putDocument(url, d, keepalive),
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
  }, [url, enabled, delayMs]);

  useEffect(() => {
    if (doc === lastDoc.current) return;
    lastDoc.current = doc;
    saverRef.current?.edit(doc);
  }, [doc]);

  const retry = useCallback(() => saverRef.current?.retry(), []);
  return { status, retry };
}
