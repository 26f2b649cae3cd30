/** How the History panel names a version (pure: unit-tested). */
export type VersionKind = "auto" | "export" | "named" | "restore";

export type VersionListItem = {
  id: string;
  kind: VersionKind;
  name: string | null;
  sceneRevision: number;
  restoredFromId: string | null;
  createdAt: string;
  createdByName: string | null;
  picture: string | null;
};

export const KIND_LABEL: Record<VersionKind, string> = {
  auto: "Auto-saved",
  export: "Exported",
  named: "Named",
  restore: "Restored",
};

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function versionTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** The line a person reads first: the name given, else what happened. */
export function versionTitle(version: VersionListItem, all: readonly VersionListItem[]): string {
  if (version.kind === "restore") {
    const source = all.find((v) => v.id === version.restoredFromId);
    if (version.name) return `Restored “${version.name}”`;
    return source ? `Restored the version of ${versionTime(source.createdAt)}` : "Restored an earlier version";
  }
  if (version.name) return version.name;
  if (version.kind === "export") return "Export";
  return "Auto-save";
}
