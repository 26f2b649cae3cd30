import { apiErrorOf, type ApiError } from "@/lib/client/api";

/** One upload with XMLHttpRequest, because fetch cannot report upload progress. */
/** A failure carries the API client's error (lib/client/api.ts); `message` is its sentence. */
export type UploadOutcome<T> = { ok: true; data: T } | { ok: false; status: number; message: string; error?: ApiError };

export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  onSent: () => void,
): { promise: Promise<UploadOutcome<T>>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadOutcome<T>>((resolve) => {
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onSent();
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true, data: body as T });
      const error = apiErrorOf(body, xhr.status, `Upload failed (${xhr.status}).`);
      resolve({ ok: false, status: xhr.status, message: error.message, error });
    };
    xhr.onerror = () =>
      resolve({ ok: false, status: 0, message: "The upload was interrupted. Check your connection and try again." });
    xhr.onabort = () => resolve({ ok: false, status: 0, message: "Upload cancelled." });
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
