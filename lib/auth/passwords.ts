import { runInHashPool } from "./hash-pool";

// Cost 11 is ~150 ms here: slow for an attacker, quick enough for sign-in. It runs off the event loop (hash-pool.ts).
const COST = 11;
// Compared against when the email is unknown, so response time does not reveal which emails have accounts.
const DUMMY_HASH = "$2b$11$iyCMUASIgTc2mA2jcZr3WOKWuGlP3761tsYgJlj6m8zNvWcCcbvDC";

export function hashPassword(password: string): Promise<string> {
  return runInHashPool<string>({ op: "hash", password, cost: COST });
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await runInHashPool<boolean>({ op: "compare", password, hash: hash ?? DUMMY_HASH });
  return Boolean(hash) && ok;
}
