/**
 * At most `limit` page renders at once in this web server; more wait their turn, first come first served.
 *
 * A page render is CPU work in the one event loop (React on the server), cut into pieces at each await. With many
 * at once, every other request's next piece waits behind all of theirs: bench:api's 20 browsing users made each
 * database round trip of an API POST wait ~70 ms, so a POST of a dozen round trips took 1.5 s. Pages that wait
 * here instead keep the loop short for the API, the render worker's page and assets, and server actions (clicks),
 * which never wait here; the pages themselves lose little, as the CPU was the limit either way.
 */
export class PageGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /**
   * Resolves when the caller may start; call the returned function when its response has ended (a second call does
   * nothing). A slot is given up after `maxHoldMs` anyway, so a response that never ends cannot stall the queue.
   */
  async enter(maxHoldMs = 30_000): Promise<() => void> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    let left = false;
    const timer = setTimeout(() => leave(), maxHoldMs);
    timer.unref?.();
    const leave = () => {
      if (left) return;
      left = true;
      clearTimeout(timer);
      const next = this.waiting.shift();
      // The slot passes straight to the next in line (running stays the same), so none can jump the queue.
      if (next) next();
      else this.running--;
    };
    return leave;
  }

  get stats() {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/**
 * Which requests are page renders that wait at the gate: GET/HEAD of a page (a document or an RSC navigation).
 * Never the API (/api: the public API, the app's JSON, render assets), Next's static files, the worker's render
 * page (/render), or a server action (a POST with Next-Action): those are short, or someone is waiting on them.
 */
export function isGatedPageRequest(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = (url ?? "/").split("?")[0];
  if (/^\/(api|_next|render)(\/|$)/.test(path)) return false;
  // Files served from public/ (favicon, samples, decoders) have an extension; pages do not.
  return !/\.[a-z0-9]+$/i.test(path);
}
