import fs from "node:fs";
import os from "node:os";

/**
 * Lowers this worker's CPU priority (a Unix nice value, 0-19) so that on a machine it shares with the web server,
 * interactive requests win the CPU: pages and the API stay quick while renders queue, and renders still get every
 * cycle nobody else wants. Linux keeps a nice value per thread, so every thread already running is lowered (the
 * ones V8 and libuv started with the process); threads and processes started afterwards inherit it, Chromium's
 * included. Never raises a priority; where it is not allowed, the worker runs as it is and says why.
 */
export function lowerWorkerPriority(nice: number): string {
  if (nice <= 0) return "normal CPU priority (RENDER_WORKER_NICE=0)";
  const lower = (id: number) => os.setPriority(id, Math.max(nice, os.getPriority(id)));
  try {
    const threads = fs.existsSync("/proc/self/task") ? fs.readdirSync("/proc/self/task").map(Number) : [];
    for (const tid of threads) {
      try {
        lower(tid);
      } catch {
        // A thread that ended meanwhile.
      }
    }
    lower(0);
    return `lower CPU priority (nice ${os.getPriority(0)}), so the web server's requests go first`;
  } catch (err) {
    return `normal CPU priority (could not lower it: ${(err as Error).message})`;
  }
}
