import type { StoredObject } from "@/lib/storage";
import { contentDisposition } from "./content-disposition";
import { ifRangeMatches, parseRange } from "./range";
import { sliceStream } from "./slice-stream";

/** How long browsers may keep a file; never shared caches (every file belongs to one workspace or link). */
export const CACHE = {
  /** Files that can change under the same URL (a product's model after a rescale). */
  private: "private, max-age=3600",
  /** A preview drawn from a file. */
  preview: "private, max-age=86400",
  /** Content-addressed: a change makes a new id. */
  immutable: "private, max-age=31536000, immutable",
  /** Built per request (a ZIP of an export). */
  none: "private, no-store",
} as const;

export type ServeFileOptions = {
  contentType: string;
  cache: string;
  /** Set: the file comes with a download name, `attachment` when `download` is true, else `inline`. */
  fileName?: string;
  download?: boolean;
  lastModified?: Date;
  /** The request, for Range and If-Range; without it the whole file is sent. */
  request?: Request;
};

/**
 * One stored file as an HTTP response, the same for the app, share pages and
 * the API: Content-Type, Content-Length, download name, cache policy, and
 * single byte ranges (206/416) so videos can seek.
 */
export function serveFile(object: StoredObject, options: ServeFileOptions): Response {
  const headers = new Headers({ "Content-Type": options.contentType, "Cache-Control": options.cache });
  const lastModified = options.lastModified?.toUTCString();
  if (lastModified) headers.set("Last-Modified", lastModified);
  if (options.fileName !== undefined) {
    headers.set(
      "Content-Disposition",
      contentDisposition(options.download ? "attachment" : "inline", options.fileName),
    );
  } else if (options.download) {
    headers.set("Content-Disposition", "attachment");
  }
  // Sizes are known for every stored object; a driver that cannot tell (0) gets no ranges.
  const size = object.size;
  if (!size) return new Response(object.stream, { headers });
  headers.set("Accept-Ranges", "bytes");

  const request = options.request;
  const range =
    request && ifRangeMatches(request.headers.get("if-range"), { lastModified })
      ? parseRange(request.headers.get("range"), size)
      : ({ kind: "whole" } as const);
  if (range.kind === "unsatisfiable") {
    void object.stream.cancel().catch(() => {});
    headers.set("Content-Range", `bytes */${size}`);
    headers.set("Content-Type", "text/plain; charset=utf-8");
    headers.delete("Content-Disposition");
    return new Response("The requested range is outside the file.", { status: 416, headers });
  }
  if (range.kind === "partial") {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    return new Response(sliceStream(object.stream, range.start, range.end), { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  return new Response(object.stream, { headers });
}
