import path from "node:path";
import { AppError } from "@/lib/errors";
import { jsonNestingExceeds } from "./json-depth";
import { MODEL_LIMITS } from "./limits";

/** The parts of a glTF JSON this module looks at. */
export type GltfJson = {
  asset?: { version?: string };
  buffers?: { uri?: string; byteLength?: number }[];
  images?: { uri?: string; mimeType?: string; bufferView?: number; name?: string }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number }[];
  [key: string]: unknown;
};

export type ParsedContainer = {
  json: GltfJson;
  /** The GLB's BIN chunk, when there is one. */
  bin?: Uint8Array;
};

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

const notGltf = (name: string, why: string) =>
  new AppError("unprocessable", `"${name}" is not a glTF model: ${why}. Export it again as glTF 2.0 (.glb or .gltf).`);

const malformed = (why: string) =>
  new AppError(
    "unprocessable",
    `The model file is malformed: ${why}. Export it again from your 3D tool as glTF 2.0 (.glb or .gltf).`,
  );

/** Refuses JSON nested deeper than `maxDepth` before anything parses or walks it. */
function checkNesting(json: Uint8Array, maxDepth: number) {
  if (jsonNestingExceeds(json, maxDepth)) throw malformed(`nesting too deep (more than ${maxDepth} levels)`);
}

/**
 * Reads a .glb or .gltf just far enough to get its JSON, refusing what is not
 * glTF at all, JSON nested too deep and top-level fields of the wrong shape.
 */
export function parseContainer(name: string, bytes: Uint8Array, maxDepth = MODEL_LIMITS.maxJsonDepth): ParsedContainer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isGlbName = name.toLowerCase().endsWith(".glb");
  if (bytes.byteLength >= 4 && view.getUint32(0, true) === GLB_MAGIC) {
    if (bytes.byteLength < 20)
      throw new AppError("unprocessable", `"${name}" is incomplete: the file ends inside its header.`);
    const version = view.getUint32(4, true);
    if (version !== 2) throw notGltf(name, `it is glTF version ${version}, and only glTF 2.0 is supported`);
    const declared = view.getUint32(8, true);
    if (declared > bytes.byteLength) {
      throw new AppError(
        "unprocessable",
        `"${name}" is incomplete: it should be ${declared.toLocaleString("en")} bytes but only ${bytes.byteLength.toLocaleString("en")} arrived. The export or download was cut short; export it again.`,
      );
    }
    const jsonLength = view.getUint32(12, true);
    if (view.getUint32(16, true) !== CHUNK_JSON || 20 + jsonLength > declared)
      throw notGltf(name, "its JSON chunk is damaged");
    const jsonBytes = bytes.subarray(20, 20 + jsonLength);
    checkNesting(jsonBytes, maxDepth);
    let json: GltfJson;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(jsonBytes)) as GltfJson;
    } catch {
      throw notGltf(name, "its JSON chunk is not valid JSON");
    }
    let bin: Uint8Array | undefined;
    const binStart = 20 + jsonLength;
    if (binStart + 8 <= declared) {
      const binLength = view.getUint32(binStart, true);
      if (view.getUint32(binStart + 4, true) === CHUNK_BIN) {
        if (binStart + 8 + binLength > declared)
          throw new AppError("unprocessable", `"${name}" is incomplete: its binary data is cut short.`);
        bin = bytes.subarray(binStart + 8, binStart + 8 + binLength);
      }
    }
    return { json: assertObject(name, json), bin };
  }
  if (isGlbName) throw notGltf(name, "it does not start with the GLB header");
  checkNesting(bytes, maxDepth);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw notGltf(name, "it is not a text file");
  }
  try {
    return { json: assertObject(name, JSON.parse(text) as GltfJson) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notGltf(name, "it is not valid JSON");
  }
}

/**
 * Top-level lists our own code walks before the validator (resource URIs, texture headers): a wrong shape
 * there is the model's fault and gets a clear 422 here. Every other field is the validator's to judge.
 */
const WALKED_LISTS = ["buffers", "bufferViews", "images"];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function assertObject(name: string, json: unknown): GltfJson {
  if (!isObject(json)) throw notGltf(name, "its JSON is not a glTF object");
  for (const field of WALKED_LISTS) {
    const value = json[field];
    if (value === undefined) continue;
    if (!Array.isArray(value)) throw malformed(`"${field}" must be a list`);
    if (!value.every(isObject)) throw malformed(`every entry of "${field}" must be an object`);
  }
  return json as GltfJson;
}

export type ResolvedResources = {
  /** uri exactly as written in the JSON -> the uploaded bytes. */
  byUri: Record<string, Uint8Array>;
};

/**
 * Resolves every buffer and image URI against the upload. Refuses URIs that
 * point outside it (http(s) or any scheme, absolute paths, "..") without ever
 * fetching them, and lists the files that were not uploaded.
 */
export function resolveResources(mainPath: string, json: GltfJson, files: Map<string, Uint8Array>): ResolvedResources {
  const baseDir = path.posix.dirname(mainPath);
  const byUri: Record<string, Uint8Array> = {};
  const missing: string[] = [];
  for (const uri of externalUris(json)) {
    const target = resolveUploadPath(baseDir, uri);
    if (!target) {
      throw new AppError(
        "unprocessable",
        `The model refers to a file outside the upload ("${uri.slice(0, 120)}"). Only files uploaded with the model are used: web addresses and absolute or "../" paths are refused.`,
      );
    }
    const data = files.get(target);
    if (!data) {
      if (!missing.includes(target)) missing.push(target);
      continue;
    }
    byUri[uri] = data;
  }
  if (missing.length) {
    const list = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "");
    throw new AppError(
      "unprocessable",
      `The model needs files that were not uploaded: ${list}. Select the .gltf together with its .bin and texture files, or upload one .zip.`,
    );
  }
  return { byUri };
}

/** Every buffer and image URI that names a file (data: URIs carry their bytes inline). */
export function externalUris(json: GltfJson): string[] {
  const refs = [...(json.buffers ?? []), ...(json.images ?? [])];
  const uris: string[] = [];
  for (const ref of refs) {
    if (!ref || typeof ref !== "object" || typeof ref.uri !== "string" || ref.uri.startsWith("data:")) continue;
    uris.push(ref.uri);
  }
  return uris;
}

/** The upload paths a model's URIs point to (those that stay inside the upload). */
export function referencedPaths(mainPath: string, json: GltfJson): string[] {
  const baseDir = path.posix.dirname(mainPath);
  const paths = externalUris(json).map((uri) => resolveUploadPath(baseDir, uri));
  return [...new Set(paths.filter((p): p is string => p !== null))];
}

/** A relative URI -> its path inside the upload, or null when it points outside. */
export function resolveUploadPath(baseDir: string, uri: string): string | null {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri) || uri.startsWith("//")) return null; // http:, file:, C:, //host
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    return null;
  }
  if (decoded.includes("\\") || decoded.includes("\0") || decoded.startsWith("/")) return null;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(decoded)) return null;
  if (decoded.split("/").includes("..")) return null;
  const joined = path.posix.normalize(path.posix.join(baseDir === "." ? "" : baseDir, decoded));
  if (joined.startsWith("../") || joined === ".." || joined.startsWith("/")) return null;
  return joined.replace(/^\.\//, "");
}
