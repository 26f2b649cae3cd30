/**
 * The one render pipeline every drawing job kind runs: model versions, mark rendering, token, draw on the
 * session page, read back, encode and check, store, mark done, and the failure policy (a permanently bad job
 * fails at once, anything else is retried until the last attempt; a charged row that ends failed is refunded).
 * A kind's handler loads its row and says only what differs: what to draw, where to store, what to mark.
 */
import { env } from "@/lib/env";
import { jobKind, type JobKindName } from "@/lib/jobs/registry";
import type { RenderQuality, TraceReport } from "@/lib/render-contract/render-job";
import { createRenderToken } from "@/lib/renders/render-token";
import { safeParseScene, type SceneDocument } from "@/lib/scene";
import { encodeAndCheck, type EncodeOptions, type Encoded } from "./encode";
import { describeFailure, isPermanent, PermanentRenderError } from "./failures";
import { modelVersions, sessionUrl } from "./handlers/session-inputs";
import type { Attempt, WorkerContext } from "./job-handler";
import { buildOverlayLayer } from "./overlays";

export type RenderResult = "done" | "failed" | "skipped";

/** What to draw, worked out from the row (may throw PermanentRenderError: a job that can never succeed). */
export type RenderPlan = {
  workspaceId: string;
  document: SceneDocument;
  size: { width: number; height: number };
  quality: RenderQuality;
  timeoutMs: number;
  encode: Omit<EncodeOptions, "width" | "height">;
  /** The route the session page loads a product's model from; the pipeline appends the job's token. */
  assetPath: (productId: string) => string;
  /** Studio: path trace after the raster, for this long (lib/render-contract/render-job.ts). */
  trace?: { budgetMs: number };
};

export type RenderRecipe = {
  kind: JobKindName;
  /** The row the job draws: the kind's token scope binds render tokens to it. */
  rowId: string;
  /** How logs name it ("rnd_...", "thumbnail tth_..."). */
  logName: string;
  plan: () => RenderPlan;
  /** Claims the row for drawing; false: another attempt finished it meanwhile, so this one is skipped. */
  markRendering?: () => Promise<boolean>;
  /** Stores the checked file and marks the row done; `renderMs` counts from the claim to now. */
  /** "gone": the row vanished while drawing (its workspace or batch deleted); nothing was kept, nothing to retry. */
  /** `trace`: what a Studio frame's path tracing reached, for the row's details. */
  store: (encoded: Encoded, renderMs: () => number, trace?: TraceReport) => Promise<void | "gone">;
  /** Records a failure; answers true when this call ended the row failed (it is refunded once, then). */
  markFailure?: (reason: string, final: boolean) => Promise<boolean | void>;
};

/** A stored snapshot, migrated and validated; a bad one can never render. */
export function snapshotScene(snapshot: unknown, what: string): SceneDocument {
  const parsed = safeParseScene(snapshot);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new PermanentRenderError(`The ${what} snapshot is not valid: ${issue?.path} ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * Idempotent as long as the kind's storage key is fixed per row: a retried or duplicated job never stores a
 * second file. Throws (for pg-boss to retry) only when a retry is left and the failure is not permanent.
 */
export async function runRender(deps: WorkerContext, attempt: Attempt, recipe: RenderRecipe): Promise<RenderResult> {
  const prepStarted = Date.now();
  try {
    const plan = recipe.plan();
    const versions = await modelVersions(
      plan.workspaceId,
      plan.document.products.map((p) => p.productId),
    );
    if (recipe.markRendering && !(await recipe.markRendering())) return "skipped";
    const started = Date.now();
    const scope = jobKind(recipe.kind).tokenScope;
    if (!scope) throw new Error(`Job kind ${recipe.kind} signs no render token`);
    const token = encodeURIComponent(createRenderToken(scope(recipe.rowId)));
    const products = Object.fromEntries(
      plan.document.products.map((p) => [
        p.productId,
        { url: `${plan.assetPath(p.productId)}?token=${token}`, cacheKey: versions.get(p.productId) },
      ]),
    );
    const job = { document: plan.document, products, size: { ...plan.size }, quality: plan.quality, trace: plan.trace };
    // Before drawing: a scene whose logo is gone fails here, without a browser turn.
    const overlay = await buildOverlayLayer(deps, plan.workspaceId, plan.document, plan.size);
    const frame = await deps.browser.renderOnSession(sessionUrl(deps.appUrl), job, plan.timeoutMs);
    const rendered = Date.now();
    const encoded = await encodeAndCheck(frame, { ...plan.encode, ...plan.size, overlay: overlay?.png });
    if ((await recipe.store(encoded, () => Date.now() - started, frame.trace)) === "gone") {
      console.log(`[worker] ${recipe.logName} finished after it was deleted: its file was not kept`);
      return "skipped";
    }
    if (env().RENDER_TIMING === "1") {
      const stored = Date.now();
      const phases = `prep ${started - prepStarted} ms, browser ${rendered - started} ms`;
      console.log(`[timing] ${recipe.logName} ${phases}, encode+store+mark ${stored - rendered} ms`);
    }
    return "done";
  } catch (err) {
    const reason = describeFailure(err);
    const final = isPermanent(err) || attempt.retryCount >= attempt.retryLimit;
    const endedNow = await recipe.markFailure?.(reason, final);
    if (final) {
      if (endedNow === true) await deps.onFailed?.(recipe.rowId);
      console.error(`[worker] ${recipe.logName} failed: ${reason}`);
      return "failed";
    }
    console.warn(`[worker] ${recipe.logName} attempt ${attempt.retryCount + 1} failed, retrying: ${reason}`);
    throw err;
  }
}
