/**
 * The environment every process that runs Next.js gets (server, build, dev). Telemetry is off unconditionally:
 * Plinth promises that nothing leaves the machine unless configured, and Next's telemetry is on by default.
 */
export const NEXT_ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  // Our lockfile has no download URLs (offline-friendly npm config); stop Next from "patching" it over the network.
  NEXT_IGNORE_INCORRECT_LOCKFILE: "1",
} as const;

export function applyNextEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  Object.assign(env, NEXT_ENV);
  return env;
}
