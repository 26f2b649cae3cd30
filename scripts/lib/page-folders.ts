import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The private folders the page processes' sockets live in (scripts/lib/page-process.ts). Each is named after the
 * start script's pid, so a later start can tell a SIGKILLed server's folder (its socket files left behind, nobody
 * to remove them) from a running server's, and sweep it, as the embedded Postgres start cleans a stale postmaster.
 */
const PREFIX = "plinth-pages-";
const NAMED = /^plinth-pages-(\d+)-/;

export function makePageFolder(tmp = os.tmpdir()): string {
  const folder = fs.mkdtempSync(path.join(tmp, `${PREFIX}${process.pid}-`));
  fs.chmodSync(folder, 0o700);
  return folder;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: someone else's live process.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the page folders of servers that are gone; returns what it removed. Never fails a start. */
export function sweepStalePageFolders(tmp = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(NAMED.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    try {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another user's folder: theirs to clean.
    }
  }
  return removed;
}
