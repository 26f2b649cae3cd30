/**
 * `attachment` or `inline` with a download name. The plain `filename` keeps
 * only safe ASCII (quotes or newlines could break the header); `filename*`
 * carries the real name for browsers that read it (RFC 6266).
 */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = fileName.replace(/[^\w.\- ]/g, "_");
  const header = `${kind}; filename="${ascii}"`;
  return ascii === fileName ? header : `${header}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
