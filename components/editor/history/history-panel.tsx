"use client";
import { useCallback, useEffect, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, Spinner } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { api, errorText } from "@/lib/client/api";
import type { SceneDocument } from "@/lib/scene";
import { focusRing } from "../controls";
import type { HistoryButtonProps } from "./history-button";
import { useHistoryShell } from "./history-context";
import { captureViewportThumbnail } from "./capture-thumbnail";
import { VersionPreview } from "./version-preview";
import { KIND_LABEL, versionTime, versionTitle, type VersionListItem } from "./version-labels";

/** One page of GET /api/scenes/:id/versions (lib/api/outputs/scene-versions.ts). */
type VersionPage = { versions: VersionListItem[]; nextCursor: string | null };

type Props = HistoryButtonProps & { onClose: () => void };

/** Why saving or restoring waits: the version must be of what the editor shows, and that must be stored first. */
function waitingReason(status: Props["status"]): string | null {
  if (status.state === "pending" || status.state === "saving") return "Saving your latest change…";
  if (status.state === "error") return "Your latest change is not saved yet. Retry saving first.";
  if (status.state === "conflict") return "This scene was changed elsewhere. Reload or keep your copy first.";
  return null;
}

function Thumb({ version }: { version: VersionListItem }) {
  if (version.picture)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- data URLs and this app's own files, at 56 px
      <img
        src={version.picture}
        alt=""
        loading="lazy"
        decoding="async"
        className="h-14 w-14 shrink-0 rounded-md bg-canvas-sunken object-cover"
      />
    );
  return (
    <span
      aria-hidden="true"
      className="flex h-14 w-14 shrink-0 items-center justify-center rounded-md bg-canvas-sunken text-ink-muted"
    >
      <svg className="h-5 w-5" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6">
        <circle cx="10" cy="10" r="7" />
        <path d="M10 6v4l2.5 2" strokeLinecap="round" />
      </svg>
    </span>
  );
}

/**
 * The scene's versions, newest first: save the current scene under a name, preview any version read-only, restore one
 * (the scene as it is now is kept as a version first, and the restore is a version too: nothing is lost).
 */
export function HistoryPanel({ sceneId, canEdit, status, revision, products, onClose }: Props) {
  const ref = useModalDialog(true);
  const shell = useHistoryShell();
  const titleId = useId();
  const nameId = useId();
  const base = `/api/scenes/${encodeURIComponent(sceneId)}/versions`;
  const [versions, setVersions] = useState<VersionListItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(shell?.notice ?? null);
  const waiting = waitingReason(status);

  // Where the next (older) page starts; null: the list is whole.
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);

  /** The newest page (on open, and after a save or restore changed the list). */
  const load = useCallback(async () => {
    const result = await api.get<VersionPage>(base, {
      fallback: "The versions could not be loaded. Check your connection and try again.",
    });
    if (!result.ok) return setListError(result.error.message);
    setListError(null);
    setVersions(result.data.versions);
    setOlderCursor(result.data.nextCursor);
  }, [base]);

  /** "Show older": the next page, appended (the cursor is a row's place, so new versions never shift it). */
  async function loadOlder() {
    if (!olderCursor) return;
    setLoadingOlder(true);
    setOlderError(null);
    const result = await api.get<VersionPage>(`${base}?before=${encodeURIComponent(olderCursor)}`, {
      fallback: "Older versions could not be loaded. Check your connection and try again.",
    });
    setLoadingOlder(false);
    if (!result.ok) return setOlderError(result.error.message);
    setVersions((current) => [
      ...(current ?? []),
      ...result.data.versions.filter((v) => !current?.some((c) => c.id === v.id)),
    ]);
    setOlderCursor(result.data.nextCursor);
  }

  useEffect(() => {
    void load();
  }, [load]);

  const selected = versions?.find((v) => v.id === selectedId) ?? null;

  async function saveVersion(e: React.FormEvent) {
    e.preventDefault();
    if (waiting) return;
    setSaving(true);
    setNameError(null);
    setNotice(null);
    const result = await api.post<{ id: string }>(base, {
      name,
      revision,
      thumbnail: captureViewportThumbnail(),
    });
    setSaving(false);
    if (!result.ok) return setNameError(errorText(result.error));
    setNotice(`Saved “${name.trim()}”.`);
    setName("");
    await load();
    setSelectedId(result.data.id);
  }

  async function restore(version: VersionListItem) {
    if (waiting) return;
    setRestoring(true);
    setRestoreError(null);
    setNotice(null);
    const result = await api.post<{ revision: number; document: SceneDocument }>(
      `${base}/${encodeURIComponent(version.id)}/restore`,
      { revision, thumbnail: captureViewportThumbnail() },
    );
    setRestoring(false);
    if (!result.ok) return setRestoreError(errorText(result.error));
    const text = `Restored “${versionTitle(version, versions ?? [])}”. The scene as it was before is kept as “Before restoring”.`;
    // The editor starts again from the restored scene (this panel with it, still open); without the shell, reload.
    if (shell) shell.onRestored(result.data.document, result.data.revision, text);
    else window.location.reload();
  }

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      data-testid="history-panel"
      className="h-[min(44rem,92vh)] w-full max-w-5xl overflow-hidden rounded-2xl border border-line p-0 shadow-xl backdrop:bg-black/30"
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between border-b border-line px-5 py-3">
          <h2 id={titleId} className="text-base font-semibold text-ink">
            Version history
          </h2>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close version history"
            className={`inline-flex h-8 w-8 items-center justify-center rounded-md text-ink-soft hover:bg-canvas-sunken hover:text-ink ${focusRing}`}
          >
            <svg className="h-4 w-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8">
              <path d="M5 5l10 10M15 5 5 15" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <div className="grid min-h-0 flex-1 grid-rows-[minmax(0,1fr)_minmax(0,1fr)] md:grid-cols-[20rem_1fr] md:grid-rows-1">
          <section
            aria-label="Versions"
            className="flex min-h-0 flex-col border-b border-line md:border-b-0 md:border-r"
          >
            {canEdit ? (
              <form onSubmit={saveVersion} className="border-b border-line p-4" noValidate>
                <label htmlFor={nameId} className="mb-1 block text-sm font-medium text-ink">
                  Save the current scene as a version
                </label>
                <div className="flex gap-2">
                  <input
                    id={nameId}
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    maxLength={80}
                    placeholder="e.g. Approved"
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError ? `${nameId}-error` : waiting ? `${nameId}-hint` : undefined}
                    className={`block min-w-0 flex-1 rounded-lg border bg-white px-3 py-1.5 text-sm text-ink shadow-sm placeholder:text-ink-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 ${
                      nameError ? "border-danger" : "border-line-strong"
                    }`}
                  />
                  <Button type="submit" className="py-1.5" pending={saving} disabled={!!waiting}>
                    Save version
                  </Button>
                </div>
                {nameError ? (
                  <p id={`${nameId}-error`} role="alert" className="mt-1 text-sm text-danger">
                    {nameError}
                  </p>
                ) : (
                  waiting && (
                    <p id={`${nameId}-hint`} className="mt-1 text-xs text-ink-muted">
                      {waiting}
                    </p>
                  )
                )}
              </form>
            ) : (
              <p className="border-b border-line p-4 text-sm text-ink-soft">
                You have view access: you can look at versions, not restore them.
              </p>
            )}
            <div aria-live="polite" className="empty:hidden px-4 pt-3">
              {notice && <Alert tone="success">{notice}</Alert>}
            </div>
            <div className="min-h-0 flex-1 overflow-y-auto p-2">
              {listError ? (
                <div className="p-2">
                  <Alert tone="error">
                    {listError}{" "}
                    <button type="button" onClick={() => void load()} className={`underline ${focusRing}`}>
                      Try again
                    </button>
                  </Alert>
                </div>
              ) : versions === null ? (
                <p role="status" className="flex items-center gap-2 p-3 text-sm text-ink-soft">
                  <Spinner /> Loading versions…
                </p>
              ) : versions.length === 0 ? (
                <p className="p-3 text-sm text-ink-soft">
                  No versions yet. One is kept automatically as you edit (every 10 minutes) and on every export; save
                  one by name above.
                </p>
              ) : (
                <ul className="space-y-1" data-testid="version-list">
                  {versions.map((version) => {
                    const current = version.id === selectedId;
                    return (
                      <li key={version.id}>
                        <button
                          type="button"
                          onClick={() => setSelectedId(version.id)}
                          aria-current={current ? "true" : undefined}
                          data-testid="version-item"
                          className={`flex w-full items-center gap-3 rounded-lg p-2 text-left ${
                            current ? "bg-accent-soft" : "hover:bg-canvas-sunken"
                          } ${focusRing}`}
                        >
                          <Thumb version={version} />
                          <span className="min-w-0">
                            <span className="block truncate text-sm font-medium text-ink">
                              {versionTitle(version, versions)}
                            </span>
                            <span className="block text-xs text-ink-muted">
                              <span className="mr-1.5 rounded bg-canvas-sunken px-1.5 py-0.5 font-medium text-ink-soft">
                                {KIND_LABEL[version.kind]}
                              </span>
                              <time dateTime={version.createdAt}>{versionTime(version.createdAt)}</time>
                            </span>
                            {version.createdByName && version.kind !== "auto" && (
                              <span className="block truncate text-xs text-ink-muted">by {version.createdByName}</span>
                            )}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                  {olderCursor && (
                    <li className="p-1">
                      <Button
                        variant="secondary"
                        className="w-full text-xs"
                        pending={loadingOlder}
                        onClick={() => void loadOlder()}
                        data-testid="versions-older"
                      >
                        Show older versions
                      </Button>
                      {olderError && (
                        <p role="alert" className="mt-1 text-xs text-danger">
                          {olderError}
                        </p>
                      )}
                    </li>
                  )}
                </ul>
              )}
            </div>
          </section>
          <section aria-label="Preview" className="flex min-h-0 flex-col bg-canvas-sunken">
            {selected ? (
              <>
                <div className="min-h-0 flex-1 p-4">
                  <VersionPreview
                    key={selected.id}
                    sceneId={sceneId}
                    versionId={selected.id}
                    picture={selected.picture}
                    products={products}
                  />
                </div>
                <div className="border-t border-line bg-white p-4">
                  <p className="text-sm font-medium text-ink">{versionTitle(selected, versions ?? [])}</p>
                  <p className="text-xs text-ink-muted">
                    {KIND_LABEL[selected.kind]} · {versionTime(selected.createdAt)}
                    {selected.createdByName && selected.kind !== "auto" ? ` · by ${selected.createdByName}` : ""}
                  </p>
                  {restoreError && (
                    <div className="mt-3">
                      <Alert tone="error">Couldn&apos;t restore: {restoreError}</Alert>
                    </div>
                  )}
                  {canEdit && (
                    <div className="mt-3 flex flex-wrap items-center gap-3">
                      <Button
                        onClick={() => void restore(selected)}
                        pending={restoring}
                        disabled={!!waiting}
                        className="py-1.5"
                      >
                        Restore this version
                      </Button>
                      <span className="text-xs text-ink-muted">
                        {waiting ?? "The scene as it is now is kept as a version first."}
                      </span>
                    </div>
                  )}
                </div>
              </>
            ) : (
              <p className="m-auto max-w-xs p-6 text-center text-sm text-ink-soft">
                Select a version to preview it here. Previews are read-only.
              </p>
            )}
          </section>
        </div>
      </div>
    </dialog>
  );
}
