/**
 * What a job kind is, in one object (lib/jobs/kinds/*.ts, listed in lib/jobs/registry.ts): its queue and options,
 * the payload it carries (ids only, checked with zod when queued and again when taken), how it shares the
 * worker's browser, which render token it signs, what it costs, and the worker module that handles it.
 * Plain data: the web app imports the registry to queue jobs and never the handlers (they load playwright).
 */
import type { z } from "zod";

/**
 * The worker draws on one browser page; waiting draws take turns, most urgent first (worker/render-turns.ts):
 * a paid export, then a product's library thumbnail, then a free preview.
 */
export type RenderTurn = "export" | "product-thumbnail" | "preview";

/**
 * "charged": credits are debited in the transaction that queues the job (lib/billing/debit.ts) and refunded
 * once when it ends failed (lib/billing/refunds.ts, the worker's onFailed hook). "free": neither.
 */
export type CreditRule = "charged" | "free";

/**
 * pg-boss queue options (createQueue). "stately": one waiting job per singleton key; "singleton": one at all;
 * "key_strict_fifo": every job waits, one at a time per singleton key, in the order queued.
 */
export type JobQueueOptions = {
  retryLimit: number;
  retryDelay: number;
  /** Exponential back-off from retryDelay, capped at retryDelayMax (seconds). */
  retryBackoff?: boolean;
  retryDelayMax?: number;
  expireInSeconds: number;
  heartbeatSeconds?: number;
  policy?: "standard" | "singleton" | "stately" | "key_strict_fifo";
  // A new job wakes idle workers through Postgres LISTEN/NOTIFY (polling stays on as the safety net).
  notify: true;
};

/** How a worker takes jobs of the kind (pg-boss work options). */
export type JobWorkOptions = {
  batchSize: 1;
  pollingIntervalSeconds: number;
  notifyPollingIntervalSeconds?: number;
  /** Jobs of this kind one worker holds at once. */
  localConcurrency?: number;
};

export type JobKind<Name extends string = string, Payload extends z.ZodTypeAny = z.ZodTypeAny> = {
  name: Name;
  /** The pg-boss queue; never renamed once deployed (waiting jobs and schedules are stored under it). */
  queue: string;
  payload: Payload;
  /** Jobs with the same key are one job while waiting (queue policy) and name the row they draw. */
  singletonKey: (payload: z.infer<Payload>) => string | undefined;
  queueOptions: JobQueueOptions;
  /** Read when the worker starts (the export kind's depends on RENDER_JOBS_IN_HAND). */
  work: () => JobWorkOptions;
  /** Its draws' turn on the browser page; null for a kind that does not draw. */
  turn: RenderTurn | null;
  /** The id its render tokens are bound to, from the row id (null: signs none); asset routes check the same. */
  tokenScope: ((rowId: string) => string) | null;
  credits: CreditRule;
  /** A scheduled kind: pg-boss queues one job per occurrence, however many workers run. */
  schedule?: { cron: string };
  /**
   * The handler module, from the repository root, without extension; it exports `handler` (worker/job-handler.ts).
   * A path, not an import: only the worker loads it, so Next never bundles playwright.
   */
  handler: string;
};

export const defineJob = <const Name extends string, Payload extends z.ZodTypeAny>(kind: JobKind<Name, Payload>) =>
  kind;

/** A row id as the app makes them (lib/ids.ts: prefix_ + base36) or a sample product's readable one. */
export const ROW_ID = /^[A-Za-z0-9_-]{1,100}$/;
