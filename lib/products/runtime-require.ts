import path from "node:path";

/**
 * Loads a package from node_modules at run time, out of the bundler's sight:
 * gltf-validator and draco3dgltf find their WASM next to their own JS, which
 * a bundle would move. (A plain `createRequire` call is rewritten by webpack.)
 */
export function runtimeRequire<T>(id: string): T {
  const { createRequire } = process.getBuiltinModule("node:module") as typeof import("node:module");
  return createRequire(path.join(process.cwd(), "package.json"))(id) as T;
}
