import path from "node:path";
import { AppError } from "@/lib/errors";

/** The parts of a glTF JSON this module looks at. */
export type GltfJson = {
  asset?: { version?: string };
  buffers?: { uri?: string; byteLength?: number }[];
  images?: { uri?: string; mimeType?: string }[];
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

/** Reads a .glb or .gltf just far enough to get its JSON, refusing what is not glTF at all. */
export function parseContainer(name: string, bytes: Uint8Array): ParsedContainer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isGlbName = name.toLowerCase().endsWith(".glb");
  if (bytes.byteLength >= 4 && view.getUint32(0, true) === GLB_MAGIC) {
    if (bytes.byteLength < 20) throw new AppError("unprocessable", `"${name}" is incomplete: the file ends inside its header.`);
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
    if (view.getUint32(16, true) !== CHUNK_JSON || 20 + jsonLength > declared) throw notGltf(name, "its JSON chunk is damaged");
    let json: GltfJson;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(20, 20 + jsonLength))) as GltfJson;
    } catch {
      throw notGltf(name, "its JSON chunk is not valid JSON");
    }
    let bin: Uint8Array | undefined;
    const binStart = 20 + jsonLength;
    if (binStart + 8 <= declared) {
      const binLength = view.getUint32(binStart, true);
      if (view.getUint32(binStart + 4, true) === CHUNK_BIN) {
        if (binStart + 8 + binLength > declared) throw new AppError("unprocessable", `"${name}" is incomplete: its binary data is cut short.`);
        bin = bytes.subarray(binStart + 8, binStart + 8 + binLength);
      }
    }
    return { json: assertObject(name, json), bin };
  }
  if (isGlbName) throw notGltf(name, "it does not start with the GLB header");
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

function assertObject(name: string, json: unknown): GltfJson {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw notGltf(name, "its JSON is not a glTF object");
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
  const refs = [...(json.buffers ?? []), ...(json.images ?? [])];
  for (const ref of refs) {
    if (!ref || typeof ref !== "object" || typeof ref.uri !== "string") continue;
    const uri = ref.uri;
    if (uri.startsWith("data:")) continue;
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
