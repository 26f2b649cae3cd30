/**
 * The Content-Security-Policy of every page, built per request by
 * middleware.ts with a fresh nonce: Next.js reads the nonce from the
 * request's CSP header and stamps it on its own scripts, so no inline script
 * needs 'unsafe-inline'. next.config.js sends the same policy without a
 * nonce (no scripts at all) on API responses and static files.
 */
export function contentSecurityPolicy({
  nonce,
  dev,
  embeddable = false,
  isSelfFramed = false,
}: {
  nonce: string;
  dev: boolean;
  /** A published 3D viewer (/v/<token>): any site may frame it (the iframe snippet); every other page, none. */
  embeddable?: boolean;
  /** A share album's inline 3D viewer (/s/<token>/viewer/<item>): framed by its own album page only. */
  isSelfFramed?: boolean;
}): string {
  return [
    "default-src 'self'",
    // wasm-unsafe-eval: the Draco/Basis/meshopt decoders (served from /decoders) compile WebAssembly.
    // Dev mode (React refresh) evaluates strings; production never does.
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' blob: data:${dev ? " ws:" : ""}`,
    // The editor's model decoders run in blob: workers.
    "worker-src 'self' blob:",
    embeddable ? "frame-ancestors *" : isSelfFramed ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Pages other sites may put in an iframe: only published 3D viewers. */
export function isEmbeddablePage(pathname: string): boolean {
  return pathname.startsWith("/v/");
}

export function isSelfFramedPage(pathname: string): boolean {
  return /^\/s\/[^/]+\/viewer\//.test(pathname);
}

/** 128 random bits, base64: a nonce nobody can guess for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
