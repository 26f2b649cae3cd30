import { sendReviewDigest } from "@/lib/albums/review-notifications";
import type { JobHandler } from "../job-handler";

/** One mail with a recipient's unsent review lines (lib/jobs/kinds/review-digest.ts); draws nothing. */
export const handler: JobHandler<"review-digest"> = (ctx, job) => sendReviewDigest(ctx.db, job.data.email);
