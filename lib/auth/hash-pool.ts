import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * bcrypt off the event loop. bcryptjs is pure JavaScript: on the main thread one hash (~150 ms) stalls every other
 * request, and 16 parallel sign-ins stalled a 20 ms page for 3.4 s. Here hashes run in a few worker threads with a
 * queue in front, so the web process keeps answering while they run. We keep bcrypt (rather than node:crypto
 * scrypt on libuv's threadpool) because stored hashes stay valid as they are, and because scrypt would share its
 * four threads with file and DNS work and stall those instead.
 *
 * The worker is evaluated from a string: Next.js bundles server code, and a separate worker file would need the
 * bundler's cooperation. bcryptjs is a server-external package, so `require` finds it from the app's folder.
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", (task) => {
  try {
    const result = task.op === "hash" ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
    parentPort.postMessage({ id: task.id, result });
  } catch (err) {
    parentPort.postMessage({ id: task.id, error: String((err && err.message) || err) });
  }
});
`;

type Task = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };
type Pending = { id: number; task: Task; resolve: (v: unknown) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: Pending | null };

const SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
const slots: Slot[] = [];
const queue: Pending[] = [];
let nextId = 1;

function startSlot(): Slot {
  const worker = new Worker(WORKER_SOURCE, { eval: true, name: "plinth-bcrypt" });
  const slot: Slot = { worker, busy: null };
  worker.on("message", (msg: { id: number; result?: unknown; error?: string }) => {
    const job = slot.busy;
    slot.busy = null;
    if (job && job.id === msg.id) {
      if (msg.error) job.reject(new Error(`password hashing failed: ${msg.error}`));
      else job.resolve(msg.result);
    }
    pump();
  });
  // A dead worker fails its task, leaves the pool, and the next task starts a fresh one.
  const fail = (err: Error) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.busy?.reject(err);
    slot.busy = null;
    pump();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`password hashing worker exited (${code})`)));
  slots.push(slot);
  return slot;
}

function pump() {
  while (queue.length) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < SIZE ? startSlot() : null);
    if (!slot) break;
    const job = queue.shift()!;
    slot.busy = job;
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, ...job.task });
  }
  // Idle threads must not keep a script or test process alive.
  for (const s of slots) if (!s.busy) s.worker.unref();
}

export function runInHashPool<T>(task: Task): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ id: nextId++, task, resolve: resolve as (v: unknown) => void, reject });
    pump();
  });
}
