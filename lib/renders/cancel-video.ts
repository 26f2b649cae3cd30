import { refundFailedOutput } from "@/lib/billing/refunds";
import type { Database } from "@/lib/db";
import { getOutputInWorkspace, markFailed } from "@/lib/db/queries/renders";
import { AppError } from "@/lib/errors";
import { isVideoFormat } from "@/lib/formats";
import { finishOutput } from "@/lib/webhooks/output-events";
import { RENDER_FAILURE } from "./failure-messages";

/**
 * Cancels a queued or rendering video of the caller's workspace and refunds what it cost, once. A queued job
 * then finds its row finished and skips; a recording worker sees the row is no longer wanted at its next
 * progress report (twice a second) and stops without storing anything.
 */
export async function cancelVideo(db: Database, workspaceId: string, outputId: string) {
  const output = await getOutputInWorkspace(db, workspaceId, outputId);
  if (output.framesTotal === null && !(output.format && isVideoFormat(output.format)))
    throw new AppError("unprocessable", "Only videos can be cancelled.");
  if (!(await finishOutput(outputId, (tx) => markFailed(tx, outputId, RENDER_FAILURE.cancelled))))
    throw new AppError("conflict", "This video has already finished.");
  const refunded = await refundFailedOutput(db, outputId);
  return { outputId, refunded };
}
