import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { renderOutputs } from "@/lib/db/schema";
import type { StorageDriver } from "@/lib/storage";
import { finishOutput } from "@/lib/webhooks/output-events";

/** One file of a finished output: where it goes and how to write it. */
export type OutputFile = { key: string; write: () => Promise<void> };

async function outputExists(db: Database, outputId: string): Promise<boolean> {
  const [row] = await db.select({ id: renderOutputs.id }).from(renderOutputs).where(eq(renderOutputs.id, outputId));
  return Boolean(row);
}

async function removeAll(storage: StorageDriver, files: OutputFile[]): Promise<void> {
  await Promise.all(files.map((f) => storage.delete(f.key).catch(() => {})));
}

/**
 * Writes a rendered output's files, then marks it done in finishOutput's transaction, which holds the workspace's
 * data lock shared (lib/workspace-data/data-lock.ts) while deleting a workspace holds it exclusively. So either
 * the output is marked done before the delete runs (and the delete's prefix sweep removes the files afterwards),
 * or the mark finds no row, because the workspace (or the batch) was deleted while this output was drawing: then
 * the files just written are removed again and the job ends quietly as "gone", with nothing to retry.
 * `markDone` answers whether it updated the row.
 */
export async function storeOutputFiles(
  deps: { db: Database; storage: StorageDriver },
  outputId: string,
  files: OutputFile[],
  markDone: (tx: Database) => Promise<boolean>,
): Promise<"stored" | "gone"> {
  try {
    for (const f of files) await f.write();
  } catch (err) {
    // A delete sweeping the folder can break a write midway: that is the same ending, not a failure to retry.
    if (await outputExists(deps.db, outputId)) throw err;
    await removeAll(deps.storage, files);
    return "gone";
  }
  if (await finishOutput(outputId, markDone)) return "stored";
  await removeAll(deps.storage, files);
  return "gone";
}
