import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { backoffMs } from "../../worker/backoff";

/**
 * Page renders in a process of their own (scripts/page-server.ts), next to the start script's.
 *
 * Why: React renders a page on the server as CPU work in one event loop, cut at each await. With twenty people
 * browsing, every other request's next piece waited behind theirs: bench:api measured the public API's POSTs at
 * p50 620 ms / p95 1.4 s while its handlers ran in 29 / 41 ms (their Server-Timing). A process of their own gives
 * the pages a loop, and the CPU share, of their own; the start script keeps everything else (the API, server
 * actions, assets, the render worker's page), so those answer in their own time, and pages get a lower CPU
 * priority (PAGE_NICE) so clicks and API calls win a busy CPU, as render workers already lower theirs.
 *
 * Pages are piped over a unix socket in a private temporary folder. While the page process is not (yet) up, or
 * if it fails a request before answering, the start script renders the page itself: nothing is ever refused for it.
 */
const PAGE_NICE = 5;

export type PageProcess = {
  /** Pipes a page request to the page process; false when it is not up (the caller serves the page itself). */
  forward: (req: http.IncomingMessage, res: http.ServerResponse, fallback: () => void) => boolean;
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

export function startPageProcess(root: string, env: NodeJS.ProcessEnv): PageProcess {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-pages-"));
  fs.chmodSync(folder, 0o700);
  const socketPath = path.join(folder, "pages.sock");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let child: ChildProcess | null = null;
  let up = false;
  let stopping = false;
  let failures = 0;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const spawn = () => {
    const startedAt = Date.now();
    const proc = fork(path.join(root, "scripts", "page-server.ts"), [], {
      cwd: root,
      env: { ...env, PLINTH_PAGE_SOCKET: socketPath },
      execArgv: ["--import", "tsx"],
      stdio: "inherit",
    });
    child = proc;
    try {
      if (proc.pid) os.setPriority(proc.pid, PAGE_NICE);
    } catch {
      // Not allowed to lower it here: pages then share the CPU evenly, which is only slower for the API.
    }
    proc.on("message", (message) => {
      if ((message as { ready?: boolean })?.ready) {
        up = true;
        failures = 0;
        markReady();
      }
    });
    proc.on("exit", (code, signal) => {
      up = false;
      child = null;
      if (stopping) return;
      failures = Date.now() - startedAt < 60_000 ? failures + 1 : 1;
      const wait = backoffMs(failures);
      console.error(
        `[start] page process exited (${signal ?? code}); pages served here, restarting in ${wait / 1000} s`,
      );
      // Until it is back, this process renders pages itself.
      markReady();
      setTimeout(() => !stopping && spawn(), wait);
    });
  };
  spawn();
  // A page process that neither answers nor exits must not hold the start up: pages are then served here.
  setTimeout(markReady, 120_000).unref();

  return {
    ready,
    forward(req, res, fallback) {
      if (!up) return false;
      const upstream = http.request(
        { socketPath, agent, method: req.method, path: req.url, headers: endToEnd(req.headers) },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
          answer.pipe(res);
          answer.on("error", () => res.destroy());
        },
      );
      upstream.on("error", () => {
        if (res.destroyed) return;
        // Nothing sent yet (the page process went away between requests): render it here instead.
        if (!res.headersSent) fallback();
        else res.destroy();
      });
      // The visitor left: stop rendering for them.
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
      return true;
    },
    async stop() {
      stopping = true;
      const proc = child;
      if (proc && proc.exitCode === null) {
        await new Promise<void>((resolve) => {
          proc.once("exit", () => resolve());
          proc.kill("SIGTERM");
          setTimeout(() => {
            proc.kill("SIGKILL");
            resolve();
          }, 10_000).unref();
        });
      }
      agent.destroy();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
