import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { workspaceExports, workspaces } from "@/lib/db/schema";
import { zipStream, type ZipEntry } from "@/lib/renders/zip-stream";
import type { StorageDriver } from "@/lib/storage";
import { readDataMap, readWorkspaceRows } from "./data-map";
import { workspacePrefix } from "./delete-workspace";
import { exportReadme } from "./export-readme";

/** How long the download link of a finished export answers. */
export const EXPORT_LINK_DAYS = 7;
export const EXPORT_FORMAT = { name: "plinth-workspace-export", version: 1 } as const;

/** Where an export's ZIP is stored: inside the workspace's prefix, so deleting the workspace deletes it too. */
export const exportKey = (workspaceId: string, exportId: string) =>
  `${workspacePrefix(workspaceId)}exports/${exportId}.zip`;

const text =
  (s: string): (() => Promise<ReadableStream<Uint8Array>>) =>
  async () =>
    new Blob([s]).stream() as ReadableStream<Uint8Array>;

/**
 * The export job's work (lib/jobs/kinds/workspace-export.ts): every row of every table holding the workspace's data,
 * read from the live schema, as tables/<table>.json, every stored file under files/, a manifest and a README,
 * into one ZIP written to a temp file and then stored. Progress is one step per table and per file.
 */
export async function runWorkspaceExport(db: Database, storage: StorageDriver, exportId: string): Promise<void> {
  const [job] = await db.select().from(workspaceExports).where(eq(workspaceExports.id, exportId));
  if (!job || job.status === "done" || job.status === "failed") return; // deleted, or already finished: idempotent
  const workspaceId = job.workspaceId;
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) return;
  const map = await readDataMap(db);
  const prefix = workspacePrefix(workspaceId);
  const files = (await storage.list(prefix)).filter((f) => !f.key.startsWith(`${prefix}exports/`));
  const stepsTotal = map.tables.length + files.length;
  let stepsDone = 0;
  let reported = 0;
  const progress = async (force = false) => {
    if (!force && Date.now() - reported < 500) return;
    reported = Date.now();
    await db
      .update(workspaceExports)
      .set({ status: "running", stepsDone, stepsTotal })
      .where(eq(workspaceExports.id, exportId));
  };
  await progress(true);

  const tableEntries: ZipEntry[] = [];
  const counts: Record<string, number> = {};
  for (const table of map.tables) {
    const rows = await readWorkspaceRows(db, table, workspaceId);
    counts[table.name] = rows.length;
    tableEntries.push({ name: `tables/${table.name}.json`, open: text(JSON.stringify(rows, null, 1)) });
    stepsDone++;
    await progress();
  }
  const exportedAt = new Date().toISOString();
  const manifest = {
    format: EXPORT_FORMAT.name,
    version: EXPORT_FORMAT.version,
    workspace: { id: workspaceId, name: workspace.name },
    exportedAt,
    tables: counts,
    files: files.map((f) => ({ key: f.key, path: `files/${f.key.slice(prefix.length)}`, bytes: f.size })),
  };
  const secretColumns = map.tables.flatMap((t) => t.secretColumns.map((c) => `${t.name}.${c}`));
  const fileEntries: ZipEntry[] = files.map((f) => ({
    name: `files/${f.key.slice(prefix.length)}`,
    open: async () => {
      const object = await storage.get(f.key);
      stepsDone++;
      await progress();
      return object?.stream ?? null;
    },
  }));
  const entries: ZipEntry[] = [
    {
      name: "README.md",
      open: text(
        exportReadme({
          workspaceName: workspace.name,
          exportedAt,
          tables: map.tables.map((t) => t.name),
          secretColumns,
        }),
      ),
    },
    { name: "manifest.json", open: text(JSON.stringify(manifest, null, 2)) },
    ...tableEntries,
    ...fileEntries,
  ];

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "plinth-export-"));
  try {
    const zipPath = path.join(dir, "export.zip");
    await pipeline(Readable.fromWeb(zipStream(entries) as NodeWebStream<Uint8Array>), createWriteStream(zipPath));
    const key = exportKey(workspaceId, exportId);
    await storage.putFile(key, zipPath, "application/zip");
    const { size } = await fs.stat(zipPath);
    const finishedAt = new Date();
    const updated = await db
      .update(workspaceExports)
      .set({
        status: "done",
        stepsDone: stepsTotal,
        stepsTotal,
        fileKey: key,
        bytes: size,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + EXPORT_LINK_DAYS * 86_400_000),
      })
      .where(eq(workspaceExports.id, exportId))
      .returning({ id: workspaceExports.id });
    // The workspace was deleted while this ran: its files must not outlive it, this ZIP included.
    if (updated.length === 0) await storage.delete(key);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The job's last attempt failed: say so on the row, so the page stops showing progress. */
export async function markWorkspaceExportFailed(db: Database, exportId: string, message: string): Promise<void> {
  await db
    .update(workspaceExports)
    .set({ status: "failed", error: message.slice(0, 500), finishedAt: new Date() })
    .where(eq(workspaceExports.id, exportId));
}
