/**
 * The model worker: a child process of the web server (started by ./pool.ts
 * with `node --import tsx`) that checks and normalises uploaded models, one at
 * a time. Whatever a model does here (a stack overflow inside gltf-validator,
 * running out of memory, looping) costs this process, never the web server.
 * It is started with no secrets in its environment.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { getIO } from "../normalise";
import { getValidator } from "../validate";
import { processUpload } from "./process-upload";
import { COULD_NOT_READ, type JobMessage, type WorkerMessage } from "./protocol";

let current: number | null = null;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

function describe(err: unknown): string {
  const text = err instanceof Error ? [err.name, err.message].filter(Boolean).join(": ") : String(err);
  return text.slice(0, 300);
}

async function run(job: JobMessage) {
  current = job.id;
  try {
    // IPC hands over views into one shared message buffer; some readers use `.buffer` whole, so each file gets its own.
    const files = job.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
    const result = await processUpload(files, job.limits);
    await send({ type: "done", id: job.id, result });
  } catch (err) {
    if (err instanceof AppError) {
      await send({ type: "failed", id: job.id, error: { code: err.code, message: err.message } });
    } else {
      // A tool failed on this model in a way it does not report as invalid: the user gets a plain message.
      console.log(`model refused after a checker failure: ${describe(err)}`);
      await send({ type: "failed", id: job.id, error: { code: "unprocessable", message: COULD_NOT_READ } });
    }
  } finally {
    current = null;
  }
}

// gltf-validator (compiled from Dart) throws some failures, such as "Stack Overflow", outside any promise:
// answer the job in hand, then stop, since the process may be left in a bad state. The pool starts a new one.
process.on("uncaughtException", (err) => {
  console.log(`stopping after an uncaught checker failure: ${describe(err)}`);
  const id = current;
  const answer =
    id === null
      ? Promise.resolve()
      : send({ type: "failed", id, error: { code: "unprocessable", message: COULD_NOT_READ }, fatal: true });
  void answer.finally(() => process.exit(70));
});
process.on("unhandledRejection", (err) => {
  throw err;
});

// The web process went away: nothing left to do.
process.on("disconnect", () => process.exit(0));

process.on("message", (message: JobMessage) => {
  if (message?.type === "job") void run(message);
});

/**
 * One sample model checked end to end, thrown away: the first real check in a fresh process took 360-940 ms where
 * the next ones took 30-90 ms (gltf-validator's and glTF-Transform's code still cold), and that first one is
 * usually a new user's first upload. Best effort: a failure here leaves only a slower first job.
 */
async function warmUp() {
  try {
    const file = path.join(process.cwd(), "public", "samples", "kraft-box.glb");
    const bytes = new Uint8Array(await fs.readFile(file));
    await processUpload([{ name: "kraft-box.glb", bytes }], {
      maxBytes: bytes.byteLength,
      maxUnzippedBytes: 0,
      maxZipEntries: 0,
    });
  } catch (err) {
    console.log(`warm-up skipped: ${describe(err)}`);
  }
}

// Load the heavy parts (decoders, WASM) and run them once before saying ready, so the first job is not timed with them.
void Promise.all([getIO(), getValidator()]).then(
  () => warmUp().then(() => send({ type: "ready" })),
  (err) => {
    console.log(`could not start: ${describe(err)}`);
    process.exit(1);
  },
);
