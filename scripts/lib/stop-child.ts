import type { ChildProcess } from "node:child_process";

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`; resolves when it is gone (or killed). */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, graceMs).unref();
  });
}
