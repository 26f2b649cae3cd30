import { localStorageDir, sweep } from "@/lib/jobs/sweep";
import type { JobHandler } from "../job-handler";

/** The hourly housekeeping job (lib/jobs/kinds/housekeeping.ts): sweep, and say what it removed. */
export const handler: JobHandler<"housekeeping"> = async (ctx) => {
  const report = await sweep(ctx.db, { storageDir: localStorageDir() });
  const removed = Object.entries(report).filter(([, n]) => n > 0);
  if (removed.length > 0) console.log(`[sweep] removed ${removed.map(([what, n]) => `${n} ${what}`).join(", ")}`);
};
