import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { backoffMs } from "../../worker/backoff";
import { workerEnvironment } from "./data-dir";
import { stopChild } from "./stop-child";

/**
 * Runs render workers as child processes of `npm start` and restarts one that
 * crashes. Children exit on their own when this process dies (IPC disconnect),
 * so a SIGKILL here leaves no orphan worker behind.
 */
export function superviseWorkers(root: string, count: number, env: NodeJS.ProcessEnv) {
  const children = new Set<ChildProcess>();
  let stopping = false;

  // Restarts back off (2 s doubling to 60 s) while a worker keeps exiting soon after start: a broken set-up
  // costs one line a minute, not a crash every 2 s. A worker that ran a minute or more restarts after 2 s again.
  const quickExits = new Map<number, number>();

  const spawnOne = (slot: number) => {
    const startedAt = Date.now();
    const child = fork(path.join(root, "worker", "index.ts"), [], {
      cwd: root,
      // Never the session secret: the worker signs render tokens with RENDER_TOKEN_SECRET.
      env: { ...workerEnvironment(env), PLINTH_WORKER_SLOT: String(slot) },
      execArgv: ["--import", "tsx"],
      stdio: "inherit",
    });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (stopping) return;
      const failures = Date.now() - startedAt < 60_000 ? (quickExits.get(slot) ?? 0) + 1 : 1;
      quickExits.set(slot, failures);
      const wait = backoffMs(failures);
      console.error(`[start] render worker ${slot} exited (${signal ?? code}); restarting in ${wait / 1000} s`);
      setTimeout(() => !stopping && spawnOne(slot), wait);
    });
  };

  for (let i = 0; i < count; i++) spawnOne(i + 1);

  return {
    async stop() {
      stopping = true;
      await Promise.all([...children].map((child) => stopChild(child, 15_000)));
    },
  };
}
