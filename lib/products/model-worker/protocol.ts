import type { ErrorCode } from "@/lib/errors";
import type { UploadLimits } from "../limits";
import type { UploadFile } from "../upload-files";
import type { ProcessedUpload } from "./process-upload";

/** Web process -> model worker. */
export type JobMessage = { type: "job"; id: number; files: UploadFile[]; limits: UploadLimits };

/** Model worker -> web process. */
export type WorkerMessage =
  | { type: "ready" }
  | { type: "done"; id: number; result: ProcessedUpload }
  /** `fatal`: the worker stops after this answer (it failed in a way that may have left it in a bad state). */
  | { type: "failed"; id: number; error: { code: ErrorCode; message: string }; fatal?: boolean };

/** What a user sees when the worker fails on a model without a more precise reason. */
export const COULD_NOT_READ =
  "We could not read this model: it is damaged or built in a way our checker cannot handle. " +
  "Export it again from your 3D tool as glTF 2.0 (.glb) and retry.";
