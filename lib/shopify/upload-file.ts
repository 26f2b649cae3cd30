import type { ShopifyAdmin } from "./admin-client";
import { FILE_ATTACH, FILE_CREATE, FILE_DELETE, FILE_STATUS_QUERY, STAGED_UPLOADS_CREATE } from "./operations";
import type { ShopifyMediaKind } from "./push-sources";
import { ShopifyError } from "./shopify-error";
import { uploadToStagedTarget } from "./shopify-fetch";

type UserError = { field?: string[] | null; message: string; code?: string | null };

function refuseOnUserErrors(what: string, errors: UserError[] | undefined): void {
  if (errors?.length) throw new ShopifyError("rejected", `Shopify refused ${what}: ${errors[0].message}`, true);
}

export type FileToSend = {
  bytes: Uint8Array;
  filename: string;
  mimeType: string;
  media: ShopifyMediaKind;
  alt: string;
};

/**
 * Steps 1-3 of Shopify's staged upload: a target for exactly this many bytes (stagedUploadsCreate, `fileSize` as
 * the byte count, which storage checks against the upload), the upload itself (multipart POST of the returned
 * parameters and then the file), and the file made from it (fileCreate with the resourceUrl). Returns its id.
 */
export async function createShopifyFile(admin: ShopifyAdmin, file: FileToSend): Promise<string> {
  const staged = await admin.request<{
    stagedUploadsCreate: {
      stagedTargets: { url: string; resourceUrl: string; parameters: { name: string; value: string }[] }[] | null;
      userErrors: UserError[];
    };
  }>(STAGED_UPLOADS_CREATE, {
    input: [
      {
        filename: file.filename,
        mimeType: file.mimeType,
        resource: file.media,
        fileSize: String(file.bytes.byteLength),
        httpMethod: "POST",
      },
    ],
  });
  refuseOnUserErrors(`the upload of ${file.filename}`, staged.stagedUploadsCreate.userErrors);
  const target = staged.stagedUploadsCreate.stagedTargets?.[0];
  if (!target) throw new ShopifyError("unexpected", "Shopify returned no upload target.", false);
  await uploadToStagedTarget(target, file, "POST");
  const created = await admin.request<{
    fileCreate: { files: { id: string; fileStatus: string }[] | null; userErrors: UserError[] };
  }>(FILE_CREATE, {
    files: [{ originalSource: target.resourceUrl, contentType: file.media, alt: file.alt, filename: file.filename }],
  });
  refuseOnUserErrors(file.filename, created.fileCreate.userErrors);
  const id = created.fileCreate.files?.[0]?.id;
  if (!id) throw new ShopifyError("unexpected", "Shopify created no file for the upload.", false);
  return id;
}

export type FileOutcome = { status: "READY" } | { status: "FAILED"; reason: string };

/**
 * Step 4: Shopify processes the file after fileCreate (UPLOADED -> PROCESSING -> READY, or FAILED with its
 * reasons); only a READY file can be attached. Polls with a growing interval up to `timeoutMs`; past it, a
 * transient error, so the job retries and resumes polling the same file (never uploading it again).
 */
export async function waitUntilProcessed(
  admin: ShopifyAdmin,
  fileId: string,
  { pollMs = 1000, timeoutMs = 300_000, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {},
): Promise<FileOutcome> {
  const until = Date.now() + timeoutMs;
  for (let wait = pollMs; ; wait = Math.min(wait * 1.5, 10_000)) {
    const answer = await admin.request<{
      node: {
        id: string;
        fileStatus: string;
        fileErrors: { code: string; details?: string | null; message: string }[];
      } | null;
    }>(FILE_STATUS_QUERY, { id: fileId });
    const node = answer.node;
    if (!node) throw new ShopifyError("unexpected", "Shopify lost the uploaded file. The push will try again.", false);
    if (node.fileStatus === "READY") return { status: "READY" };
    if (node.fileStatus === "FAILED") {
      const reasons = node.fileErrors.map((e) => e.details || e.message).filter(Boolean);
      return { status: "FAILED", reason: reasons.join("; ") || "Shopify could not process the file." };
    }
    if (Date.now() + wait > until)
      throw new ShopifyError("unexpected", "Shopify is still processing the file. The push will try again.", false);
    await sleep(wait);
  }
}

/** Step 5: the READY file becomes the product's media (appended after its current media, in push order). */
export async function attachToProduct(admin: ShopifyAdmin, fileId: string, productGid: string): Promise<void> {
  const answer = await admin.request<{ fileUpdate: { files: { id: string }[] | null; userErrors: UserError[] } }>(
    FILE_ATTACH,
    { files: [{ id: fileId, referencesToAdd: [productGid] }] },
  );
  refuseOnUserErrors("to add the file to the product", answer.fileUpdate.userErrors);
}

/** Deletes files (a replaced push's old media, a failed file); one already gone is not an error. */
export async function deleteFiles(admin: ShopifyAdmin, fileIds: string[]): Promise<void> {
  if (!fileIds.length) return;
  await admin.request<{ fileDelete: { deletedFileIds: string[] | null; userErrors: UserError[] } }>(FILE_DELETE, {
    fileIds,
  });
}
