import fs from "node:fs";
import { E2E_SERVER_LOG } from "../playwright.config";

/**
 * Global teardown: the e2e run fails when the shared server's log (written by
 * the webServer command, see playwright.config.ts) shows an uncaught exception
 * or an unexpected error during the suite. A test can pass while the server
 * behind it threw; this catches that. Expected lines are allowed one by one,
 * each with the reason it is expected.
 */

/** Lines that mean something went wrong on the server. */
const FAILURE =
  /\[error\] unexpected|uncaught|unhandled|TypeError|ReferenceError|RangeError|SyntaxError|Failed query|⨯/i;

/** Lines that match FAILURE but are expected, with why. */
export const ALLOWED: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /Failed to find Server Action/,
    reason: "e2e/fuzz.spec.ts posts unknown action ids on purpose; Next.js answers 404 and logs it (deployment skew)",
  },
];

export function unexpectedLines(log: string): string[] {
  return log
    .split("\n")
    .filter((line) => FAILURE.test(line) && !ALLOWED.some((a) => a.pattern.test(line)))
    .map((line) => line.slice(0, 300));
}

export default async function checkServerLog(): Promise<void> {
  if (process.env.E2E_REUSE_SERVER === "1" || !fs.existsSync(E2E_SERVER_LOG)) {
    console.log(`[server-log] no log of this run's server at ${E2E_SERVER_LOG} (reused server?): not checked`);
    return;
  }
  const bad = unexpectedLines(fs.readFileSync(E2E_SERVER_LOG, "utf8"));
  if (bad.length > 0) {
    throw new Error(
      `The server logged ${bad.length} unexpected error line(s) during the suite (full log: ${E2E_SERVER_LOG}).\n` +
        `Fix the cause, or allow the line in e2e/server-log-check.ts with the reason it is expected:\n${bad.slice(0, 40).join("\n")}`,
    );
  }
  console.log(`[server-log] ${E2E_SERVER_LOG}: no unexpected errors`);
}
