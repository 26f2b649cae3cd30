import type { Database } from "@/lib/db";
import type { JobKindName, JobPayload } from "@/lib/jobs/registry";
import type { StorageDriver } from "@/lib/storage";
import type { SessionRenderer } from "./render-turns";

/** What every handler gets from the worker (worker/register-jobs.ts). */
export type WorkerContext = {
  db: Database;
  storage: StorageDriver;
  /** The warm browser, as the kind's turn sees it (worker/render-turns.ts). */
  browser: SessionRenderer;
  appUrl: string;
  /** Charged kinds only (credits "charged" in the registry): called once when a row ends failed, to refund it. */
  onFailed?: (rowId: string) => Promise<void>;
};

/** Which attempt this is (pg-boss counts retries from 0) and how many retries the kind's queue allows. */
export type Attempt = { retryCount: number; retryLimit: number };

/** One job as a handler sees it: its payload, already checked against the kind's schema. */
export type JobRun<K extends JobKindName> = Attempt & { data: JobPayload<K> };

/** What a kind's handler module exports as `handler` (the registry names the module). */
export type JobHandler<K extends JobKindName> = (ctx: WorkerContext, job: JobRun<K>) => Promise<unknown>;
