import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makePageFolder, sweepStalePageFolders } from "./page-folders";

const tmps: string[] = [];
afterEach(() => {
  for (const dir of tmps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid nobody has now: a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"]);
  return Number(child.stdout.toString().trim());
}

describe("page process folders", () => {
  it("are private and named after the server, and a later start sweeps only those of servers that are gone", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-sweep-"));
    tmps.push(tmp);
    const mine = makePageFolder(tmp);
    expect(path.basename(mine)).toMatch(new RegExp(`^plinth-pages-${process.pid}-`));
    expect(fs.statSync(mine).mode & 0o777).toBe(0o700);

    // A SIGKILLed server's folder, its dead socket still in it; a live process's; and someone else's file.
    const stale = path.join(tmp, `plinth-pages-${deadPid()}-abc123`);
    fs.mkdirSync(stale);
    fs.writeFileSync(path.join(stale, "pages-1.sock"), "");
    const live = path.join(tmp, `plinth-pages-${process.ppid}-def456`);
    fs.mkdirSync(live);
    const other = path.join(tmp, "plinth-pages-notapid");
    fs.mkdirSync(other);

    expect(sweepStalePageFolders(tmp)).toEqual([path.basename(stale)]);
    expect(fs.existsSync(stale)).toBe(false);
    for (const kept of [mine, live, other]) expect(fs.existsSync(kept)).toBe(true);
  });
});
