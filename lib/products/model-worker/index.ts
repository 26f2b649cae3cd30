import { env } from "@/lib/env";
import { ModelWorkerPool } from "./pool";

export { ModelWorkerPool } from "./pool";
export type { ProcessedUpload } from "./process-upload";

/**
 * The server's one pool of model workers. Kept on globalThis: Next.js may load
 * this module in more than one bundle, and the concurrency cap must be global.
 */
export function modelWorkers(): ModelWorkerPool {
  const g = globalThis as { __plinthModelWorkers?: ModelWorkerPool };
  g.__plinthModelWorkers ??= new ModelWorkerPool({
    concurrency: env().UPLOAD_CONCURRENCY,
    queueMax: env().UPLOAD_QUEUE_MAX,
  });
  return g.__plinthModelWorkers;
}
