import { AppError } from "@/lib/errors";
import { formatMb, type UploadLimits } from "./limits";
import type { UploadFile } from "./upload-files";

/** Room for multipart boundaries and headers on top of the files themselves. */
const MULTIPART_OVERHEAD = 256 * 1024;

function tooLarge(limits: UploadLimits) {
  return new AppError(
    "payload_too_large",
    `The upload is larger than ${formatMb(limits.maxBytes)}, the most one product may use.`,
  );
}

/**
 * Reads a multipart upload (fields "files" and optional "name") without ever
 * holding more than the limit: Content-Length is checked before reading, and
 * bytes are counted while streaming, so a lying or missing header stops at the cap.
 */
export async function readUploadRequest(
  request: Request,
  limits: UploadLimits,
): Promise<{ files: UploadFile[]; name?: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media_type", "Send the model as a file upload (multipart/form-data).");
  }
  const cap = limits.maxBytes + MULTIPART_OVERHEAD;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limits);
  }
  if (!request.body) throw new AppError("bad_request", "The upload was empty.");

  let received = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > cap) controller.error(tooLarge(limits));
        else controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { "content-type": type } }).formData();
  } catch {
    if (received > cap) throw tooLarge(limits);
    throw new AppError("bad_request", "The upload could not be read. Try again.");
  }
  const files: UploadFile[] = [];
  for (const entry of form.getAll("files")) {
    if (typeof entry === "string") continue;
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const name = form.get("name");
  return { files, name: typeof name === "string" && name.trim() ? name : undefined };
}
