import { describe, expect, it } from "vitest";
import { versionTitle, type VersionListItem } from "./version-labels";

const item = (over: Partial<VersionListItem>): VersionListItem => ({
  id: "scv_1",
  kind: "auto",
  name: null,
  sceneRevision: 1,
  restoredFromId: null,
  createdAt: "2026-12-03T09:00:00.000Z",
  createdByName: null,
  picture: null,
  ...over,
});

describe("versionTitle", () => {
  it("uses the name given, else what happened", () => {
    expect(versionTitle(item({ kind: "named", name: "Approved" }), [])).toBe("Approved");
    expect(versionTitle(item({ kind: "auto" }), [])).toBe("Auto-save");
    expect(versionTitle(item({ kind: "auto", name: "Before restoring" }), [])).toBe("Before restoring");
    expect(versionTitle(item({ kind: "export" }), [])).toBe("Export");
  });

  it("names a restore after the version it restored, even once that one is pruned", () => {
    const source = item({ id: "scv_src", kind: "export" });
    expect(versionTitle(item({ kind: "restore", name: "Pink" }), [])).toBe("Restored “Pink”");
    expect(versionTitle(item({ kind: "restore", restoredFromId: "scv_src" }), [source])).toMatch(
      /^Restored the version of .*2026/,
    );
    expect(versionTitle(item({ kind: "restore", restoredFromId: "scv_gone" }), [source])).toBe(
      "Restored an earlier version",
    );
  });
});
