import type { Database } from "@/lib/db";
import { getOutputForRender, markDone, markFailed, markRendering, markRetrying } from "@/lib/db/queries/renders";
import { createRenderToken } from "@/lib/renders/render-token";
import { safeParseScene } from "@/lib/scene";
import type { StorageDriver } from "@/lib/storage";
import { encodeAndCheck } from "../encode";
import { describeFailure, isPermanent, PermanentRenderError } from "../failures";
import { modelVersions, sessionUrl } from "./session-inputs";
import type { SessionRenderer } from "../render-turns";

export type RenderDeps = {
  db: Database;
  storage: StorageDriver;
  browser: SessionRenderer;
  appUrl: string;
  /** Called once when an output ends failed (credits are refunded there). */
  onFailed?: (outputId: string) => Promise<void>;
};

export type Attempt = { retryCount: number; retryLimit: number };

export function outputKey(workspaceId: string, batchId: string, outputId: string, extension: string): string {
  return `workspaces/${workspaceId}/renders/${batchId}/${outputId}.${extension}`;
}

/**
 * Renders one output. Idempotent: a finished output is left alone, and the
 * storage key is fixed per output, so a retried or duplicated job never stores
 * a second file. Bad input fails at once; anything else throws to be retried.
 */
export async function handleRenderOutput(deps: RenderDeps, outputId: string, attempt: Attempt): Promise<"done" | "failed" | "skipped"> {
  const row = await getOutputForRender(deps.db, outputId);
  if (!row || row.output.status === "done" || row.output.status === "failed") return "skipped";
  const { output, batch } = row;
  const prepStarted = Date.now();
  try {
    const parsed = safeParseScene(output.snapshot);
    if (!parsed.success) throw new PermanentRenderError(`The scene snapshot is not valid: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
    const versions = await modelVersions(output.workspaceId, parsed.data.products.map((p) => p.productId));
    if (!(await markRendering(deps.db, outputId))) return "skipped";
    const started = Date.now();
    const token = encodeURIComponent(createRenderToken(outputId));
    const products = Object.fromEntries(
      parsed.data.products.map((p) => [p.productId, {
        url: `/api/render-assets/${encodeURIComponent(outputId)}/${encodeURIComponent(p.productId)}?token=${token}`,
        cacheKey: versions.get(p.productId),
      }]),
    );
    const timeoutMs = Math.max(60_000, Math.round((output.width * output.height) / 1_000_000) * 15_000);
    const frame = await deps.browser.renderOnSession(
      sessionUrl(deps.appUrl),
      { document: parsed.data, products, size: { width: output.width, height: output.height }, quality: batch.quality },
      timeoutMs,
    );
    const rendered = Date.now();
    const encoded = await encodeAndCheck(frame, { format: batch.format, width: output.width, height: output.height, transparent: batch.transparent, watermark: batch.watermark });
    const key = outputKey(output.workspaceId, batch.id, output.id, encoded.extension);
    await deps.storage.put(key, encoded.bytes, encoded.contentType);
    const stored = Date.now();
    await markDone(deps.db, outputId, { key, bytes: encoded.bytes.length, renderMs: Date.now() - started });
    if (process.env.RENDER_TIMING === "1") console.log(`[timing] ${outputId} prep ${started - prepStarted} ms, browser ${rendered - started} ms, encode+store ${stored - rendered} ms, markDone ${Date.now() - stored} ms`);
    return "done";
  } catch (err) {
    const reason = describeFailure(err);
    const lastAttempt = attempt.retryCount >= attempt.retryLimit;
    if (isPermanent(err) || lastAttempt) {
      if (await markFailed(deps.db, outputId, reason)) await deps.onFailed?.(outputId);
      console.error(`[worker] ${outputId} failed: ${reason}`);
      return "failed";
    }
    await markRetrying(deps.db, outputId, reason);
    console.warn(`[worker] ${outputId} attempt ${attempt.retryCount + 1} failed, retrying: ${reason}`);
    throw err;
  }
}
