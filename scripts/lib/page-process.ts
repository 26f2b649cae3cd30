import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { backoffMs } from "../../worker/backoff";
import { makePageFolder, sweepStalePageFolders } from "./page-folders";
import { stopChild } from "./stop-child";

/**
 * Page renders in processes of their own (scripts/page-server.ts), next to the start script's.
 *
 * Why: React renders a page on the server as CPU work in one event loop, cut at each await. With twenty people
 * browsing, every other request's next piece waited behind theirs: bench:api measured the public API's POSTs at
 * p50 620 ms / p95 1.4 s while its handlers ran in 29 / 41 ms (their Server-Timing). Processes of their own give
 * the pages loops, and CPU shares, of their own; the start script keeps everything else (the API, server actions,
 * assets, the render worker's page), so those answer in their own time, and pages get a lower CPU priority
 * (PAGE_NICE) so clicks and API calls win a busy CPU, as render workers already lower theirs. One process renders
 * pages on one core at most: by default there is one per core, up to four (WEB_PAGE_PROCESSES), and each page goes to the one
 * with the fewest pages in flight.
 *
 * Pages are piped over unix sockets in a private temporary folder. While no page process is up, or if one fails a
 * request before answering, the start script renders the page itself: nothing is ever refused for it.
 */
const PAGE_NICE = 5;

/**
 * WEB_PAGE_PROCESSES when unset: one per core, at most 4. Each is a whole Next.js server (a few hundred MB); past
 * four, a host that serves that many pages sets the number itself.
 */
export function defaultPageProcessCount(): number {
  return Math.min(os.availableParallelism(), 4);
}

export type PageProcesses = {
  /** Pipes a page request to a page process; false when none is up (the caller serves the page itself). */
  forward: (req: http.IncomingMessage, res: http.ServerResponse, fallback: () => void) => boolean;
  /** Resolves once every page process is up (or has failed to start: pages are then served here). */
  ready: Promise<void>;
  stop: () => Promise<void>;
};

// Connection-scoped headers are never passed on by a proxy (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-authorization",
  "proxy-authenticate",
]);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

type Slot = {
  socketPath: string;
  agent: http.Agent;
  child: ChildProcess | null;
  up: boolean;
  inFlight: number;
  failures: number;
};

export function startPageProcesses(root: string, count: number, env: NodeJS.ProcessEnv): PageProcesses {
  sweepStalePageFolders();
  const folder = makePageFolder();
  let stopping = false;
  const slots: Slot[] = Array.from({ length: count }, (_, i) => ({
    socketPath: path.join(folder, `pages-${i + 1}.sock`),
    agent: new http.Agent({ keepAlive: true, maxSockets: 256 }),
    child: null,
    up: false,
    inFlight: 0,
    failures: 0,
  }));

  const spawn = (slot: Slot, started: () => void) => {
    const startedAt = Date.now();
    const proc = fork(path.join(root, "scripts", "page-server.ts"), [], {
      cwd: root,
      env: { ...env, PLINTH_PAGE_SOCKET: slot.socketPath },
      execArgv: ["--import", "tsx"],
      stdio: "inherit",
    });
    slot.child = proc;
    try {
      if (proc.pid) os.setPriority(proc.pid, PAGE_NICE);
    } catch {
      // Not allowed to lower it here: pages then share the CPU evenly, which is only slower for the API.
    }
    proc.on("message", (message) => {
      if (!(message as { ready?: boolean })?.ready) return;
      slot.up = true;
      slot.failures = 0;
      started();
    });
    proc.on("exit", (code, signal) => {
      slot.up = false;
      slot.child = null;
      started();
      if (stopping) return;
      slot.failures = Date.now() - startedAt < 60_000 ? slot.failures + 1 : 1;
      const wait = backoffMs(slot.failures);
      console.error(`[start] a page process exited (${signal ?? code}); restarting it in ${wait / 1000} s`);
      setTimeout(() => !stopping && spawn(slot, () => {}), wait);
    });
  };
  const ready = Promise.all(slots.map((slot) => new Promise<void>((resolve) => spawn(slot, resolve)))).then(() => {});

  return {
    // A page process that neither answers nor exits must not hold the start up: pages are then served here.
    ready: Promise.race([ready, new Promise<void>((r) => setTimeout(r, 120_000).unref())]),
    forward(req, res, fallback) {
      let slot: Slot | null = null;
      for (const s of slots) if (s.up && (!slot || s.inFlight < slot.inFlight)) slot = s;
      if (!slot) return false;
      const chosen = slot;
      chosen.inFlight++;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        chosen.inFlight--;
      };
      let upstream: http.ClientRequest;
      try {
        upstream = http.request(
          {
            socketPath: chosen.socketPath,
            agent: chosen.agent,
            method: req.method,
            path: req.url,
            headers: endToEnd(req.headers),
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
            answer.pipe(res);
            answer.on("error", () => res.destroy());
          },
        );
      } catch {
        // A request Node will not send on (say, a path it calls malformed): this process answers it instead.
        finish();
        return false;
      }
      upstream.on("error", () => {
        finish();
        if (res.destroyed) return;
        // Nothing sent yet (the page process went away between requests): render it here instead.
        if (!res.headersSent) fallback();
        else res.destroy();
      });
      res.on("close", () => {
        finish();
        // The visitor left: stop rendering for them.
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
      return true;
    },
    async stop() {
      stopping = true;
      await Promise.all(
        slots.map(async (slot) => {
          if (slot.child) await stopChild(slot.child, 10_000);
          slot.agent.destroy();
        }),
      );
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
