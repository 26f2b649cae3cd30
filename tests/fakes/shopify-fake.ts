import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Shopify, built from its documented requests and answers, so no test touches the internet:
 * the Admin GraphQL API of one or more stores (`POST /<shop>.myshopify.com/admin/api/<version>/graphql.json`,
 * as lib/shopify/shopify-fetch.ts sends it under SHOPIFY_TEST_ORIGIN) and the staged-upload target
 * (`POST /staged/<id>`, a multipart form of the returned parameters and then `file`, as Google Cloud Storage takes it).
 *
 * Like Shopify it answers an unknown token 401, a field the token has no scope for ACCESS_DENIED, every answer with
 * `extensions.cost`, a throttled call 200 with a THROTTLED error; like signed storage it refuses an upload whose
 * parameters were changed or whose size is not the `fileSize` declared to stagedUploadsCreate. Files go
 * UPLOADED -> PROCESSING -> READY (or FAILED) over `processingPolls` polls. The client-credentials grant
 * (`POST /<shop>.myshopify.com/admin/oauth/access_token`, form-encoded) gives tokens that stop working at expiry
 * (401), and refuses a wrong client id or secret with OAuth's 400 `invalid_client`.
 */
export type FakeStore = {
  domain: string;
  name: string;
  token: string;
  scopes: string[];
  products: { id: string; title: string; handle: string }[];
  /** A store-owned app's credentials for the client-credentials grant (POST /<shop>/admin/oauth/access_token). */
  clientId?: string;
  clientSecret?: string;
  /** How long a granted token lives (Shopify: about a day). */
  grantedTokenSeconds?: number;
};

type StagedTarget = {
  id: string;
  shop: string;
  filename: string;
  mimeType: string;
  resource: string;
  declaredSize: number | null;
  parameters: { name: string; value: string }[];
  uploaded: Uint8Array | null;
};

export type FakeFile = {
  id: string;
  shop: string;
  contentType: string;
  alt: string;
  filename: string;
  bytes: number;
  polls: number;
  failReason: string | null;
  status: "UPLOADED" | "PROCESSING" | "READY" | "FAILED";
};

const MAX_AVAILABLE = 2000;

export async function startShopifyFake(stores: FakeStore[], { processingPolls = 2, port = 0 } = {}) {
  const targets = new Map<string, StagedTarget>();
  const files = new Map<string, FakeFile>();
  /** Each product's media, in gallery order (product gid -> file ids). */
  const productMedia = new Map<string, string[]>();
  const calls: { shop: string; operation: string; variables: Record<string, unknown> }[] = [];
  const uploads: { target: string; bytes: number; status: number }[] = [];
  const controls = { throttleNext: 0, failNextFile: null as string | null, available: MAX_AVAILABLE };
  /** Tokens the client-credentials grant gave: token -> its store and expiry (ms). */
  const granted = new Map<string, { shop: string; expiresAt: number }>();
  const grants: { shop: string; ok: boolean }[] = [];
  let sequence = 1000;
  let origin = "";

  const cost = (requested: number, actual: number | null) => ({
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: { maximumAvailable: MAX_AVAILABLE, currentlyAvailable: controls.available, restoreRate: 1000 },
    },
  });
  const accessDenied = (field: string, scope: string) => ({
    errors: [
      {
        message: `Access denied for ${field} field. Required access: \`${scope}\` access scope.`,
        extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes" },
        path: [field],
      },
    ],
    data: null,
    extensions: cost(10, 10),
  });

  function graphql(store: FakeStore, operation: string, v: Record<string, unknown>): unknown {
    const ok = (data: unknown, requested = 10) => ({ data, extensions: cost(requested, Math.ceil(requested / 2)) });
    const has = (scope: string) => store.scopes.includes(scope);
    const inStore = (gid: unknown) => store.products.find((p) => p.id === gid) ?? null;
    switch (operation) {
      case "PlinthShop":
        return ok({
          shop: { name: store.name, myshopifyDomain: store.domain },
          currentAppInstallation: { accessScopes: store.scopes.map((handle) => ({ handle })) },
        });
      case "PlinthProductSearch": {
        if (!has("read_products") && !has("write_products")) return accessDenied("products", "read_products");
        const words = [...String(v.query).matchAll(/title:([^\s*]+)\*/g)].map((m) => m[1].toLowerCase());
        const nodes = store.products
          .filter((p) => words.every((w) => p.title.toLowerCase().includes(w)))
          .map((p) => ({ ...p, status: "ACTIVE", featuredMedia: null }));
        return ok({ products: { nodes } }, 12);
      }
      case "PlinthProduct": {
        if (!has("read_products") && !has("write_products")) return accessDenied("product", "read_products");
        const p = inStore(v.id);
        return ok({ product: p ? { id: p.id, title: p.title } : null }, 1);
      }
      case "PlinthProductMedia": {
        if (!has("read_products") && !has("write_products")) return accessDenied("product", "read_products");
        const p = inStore(v.id);
        const nodes = (productMedia.get(String(v.id)) ?? []).map((id) => ({ id }));
        return ok({ product: p ? { media: { nodes } } : null }, 5);
      }
      case "PlinthProductReorderMedia": {
        if (!has("write_products")) return accessDenied("productReorderMedia", "write_products");
        const list = productMedia.get(String(v.id));
        if (!inStore(v.id) || !list)
          return ok({
            productReorderMedia: {
              job: null,
              mediaUserErrors: [{ field: ["id"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }],
            },
          });
        // Evaluated in order, each a zero-based position (newPosition is an UnsignedInt64, sent as a string).
        for (const move of v.moves as { id: string; newPosition: string }[]) {
          const from = list.indexOf(move.id);
          if (from < 0)
            return ok({
              productReorderMedia: {
                job: null,
                mediaUserErrors: [{ field: ["moves"], message: "Media does not exist", code: "MEDIA_DOES_NOT_EXIST" }],
              },
            });
          list.splice(from, 1);
          list.splice(Math.min(Number(move.newPosition), list.length), 0, move.id);
        }
        return ok({
          productReorderMedia: { job: { id: `gid://shopify/Job/${sequence++}`, done: false }, mediaUserErrors: [] },
        });
      }
      case "PlinthStagedUploadsCreate": {
        if (!has("write_files") && !has("write_products")) return accessDenied("stagedUploadsCreate", "write_files");
        const stagedTargets = [];
        for (const input of v.input as Record<string, string>[]) {
          if ((input.resource === "VIDEO" || input.resource === "MODEL_3D") && !input.fileSize)
            return ok({
              stagedUploadsCreate: {
                stagedTargets: null,
                userErrors: [{ field: ["input", "fileSize"], message: "File size is required." }],
              },
            });
          const id = randomBytes(8).toString("hex");
          const key = `tmp/${id}/${input.filename}`;
          const parameters = [
            { name: "Content-Type", value: input.mimeType },
            { name: "success_action_status", value: "201" },
            { name: "acl", value: "private" },
            { name: "key", value: key },
            { name: "policy", value: Buffer.from(JSON.stringify({ key, size: input.fileSize })).toString("base64") },
            { name: "x-goog-signature", value: randomBytes(16).toString("hex") },
          ];
          targets.set(id, {
            id,
            shop: store.domain,
            filename: input.filename,
            mimeType: input.mimeType,
            resource: input.resource,
            declaredSize: input.fileSize ? Number(input.fileSize) : null,
            parameters,
            uploaded: null,
          });
          stagedTargets.push({
            url: `${origin}/staged/${id}`,
            resourceUrl: `${origin}/staged/${id}/${key}`,
            parameters,
          });
        }
        return ok({ stagedUploadsCreate: { stagedTargets, userErrors: [] } });
      }
      case "PlinthFileCreate": {
        if (!has("write_files")) return accessDenied("fileCreate", "write_files");
        const created = [];
        for (const input of v.files as Record<string, string>[]) {
          const targetId = /\/staged\/([0-9a-f]+)\//.exec(input.originalSource)?.[1];
          const target = targetId ? targets.get(targetId) : undefined;
          const kind = { IMAGE: "MediaImage", VIDEO: "Video", MODEL_3D: "Model3d" }[input.contentType] ?? "GenericFile";
          const file: FakeFile = {
            id: `gid://shopify/${kind}/${sequence++}`,
            shop: store.domain,
            contentType: input.contentType,
            alt: input.alt ?? "",
            filename: input.filename ?? target?.filename ?? "",
            bytes: target?.uploaded?.byteLength ?? 0,
            polls: 0,
            // A source that was never uploaded fails in processing, as Shopify's does.
            failReason: controls.failNextFile ?? (target?.uploaded ? null : "The file could not be downloaded."),
            status: "UPLOADED",
          };
          controls.failNextFile = null;
          files.set(file.id, file);
          created.push({ id: file.id, fileStatus: file.status });
        }
        return ok({ fileCreate: { files: created, userErrors: [] } }, 20);
      }
      case "PlinthFileStatus": {
        const file = files.get(String(v.id));
        if (!file || file.shop !== store.domain) return ok({ node: null }, 1);
        file.polls++;
        if (file.status !== "READY" && file.status !== "FAILED")
          file.status = file.polls >= processingPolls ? (file.failReason ? "FAILED" : "READY") : "PROCESSING";
        const fileErrors =
          file.status === "FAILED"
            ? [{ code: "UNKNOWN", details: file.failReason, message: "File processing failed." }]
            : [];
        return ok({ node: { id: file.id, fileStatus: file.status, fileErrors } }, 1);
      }
      case "PlinthFileAttach": {
        if (!has("write_files") || !has("write_products")) return accessDenied("fileUpdate", "write_files");
        const userErrors = [];
        const updated = [];
        for (const input of v.files as { id: string; referencesToAdd?: string[] }[]) {
          const file = files.get(input.id);
          if (!file || file.shop !== store.domain) {
            userErrors.push({
              field: ["files", "id"],
              message: `File id ${input.id} does not exist.`,
              code: "FILE_DOES_NOT_EXIST",
            });
            continue;
          }
          if (file.status !== "READY") {
            userErrors.push({
              field: ["files"],
              message: "Non-ready files cannot be updated.",
              code: "NON_READY_STATE",
            });
            continue;
          }
          for (const ref of input.referencesToAdd ?? []) {
            if (!inStore(ref)) {
              userErrors.push({
                field: ["files", "referencesToAdd"],
                message: "The product does not exist.",
                code: "INVALID",
              });
              continue;
            }
            const list = productMedia.get(ref) ?? [];
            if (!list.includes(file.id)) list.push(file.id);
            productMedia.set(ref, list);
          }
          updated.push({ id: file.id });
        }
        return ok({ fileUpdate: { files: userErrors.length ? null : updated, userErrors } });
      }
      case "PlinthFileDelete": {
        if (!has("write_files")) return accessDenied("fileDelete", "write_files");
        const deletedFileIds = [];
        const userErrors = [];
        for (const id of v.fileIds as string[]) {
          const file = files.get(id);
          if (!file || file.shop !== store.domain) {
            userErrors.push({
              field: ["fileIds"],
              message: `File id ${id} does not exist.`,
              code: "FILE_DOES_NOT_EXIST",
            });
            continue;
          }
          files.delete(id);
          for (const [product, list] of productMedia)
            productMedia.set(
              product,
              list.filter((f) => f !== id),
            );
          deletedFileIds.push(id);
        }
        return ok({ fileDelete: { deletedFileIds, userErrors } });
      }
      default:
        return { errors: [{ message: `The fake does not know ${operation}` }] };
    }
  }

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  const send = (res: http.ServerResponse, status: number, body: unknown, type = "application/json") => {
    res.writeHead(status, { "content-type": type });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const storageError = (res: http.ServerResponse, code: string, message: string) =>
    send(
      res,
      400,
      `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
      "application/xml",
    );

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, id: string) {
    const target = targets.get(id);
    const body = await readBody(req);
    if (!target || req.method !== "POST") return storageError(res, "AccessDenied", "Unknown upload target.");
    const form = await new Request("http://fake/", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: new Uint8Array(body),
    }).formData();
    // A signed POST policy: every returned parameter, unchanged.
    for (const p of target.parameters)
      if (form.get(p.name) !== p.value) return storageError(res, "InvalidPolicyDocument", `${p.name} does not match.`);
    const file = form.get("file");
    if (!(file instanceof Blob)) return storageError(res, "InvalidArgument", "No file.");
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (target.declaredSize !== null && bytes.byteLength !== target.declaredSize) {
      uploads.push({ target: id, bytes: bytes.byteLength, status: 400 });
      const code = bytes.byteLength > target.declaredSize ? "EntityTooLarge" : "EntityTooSmall";
      return storageError(res, code, "Your proposed upload does not match the declared size.");
    }
    target.uploaded = bytes;
    uploads.push({ target: id, bytes: bytes.byteLength, status: 201 });
    send(res, 201, `<PostResponse><Key>${target.filename}</Key></PostResponse>`, "application/xml");
  }

  async function grant(req: http.IncomingMessage, res: http.ServerResponse, store: FakeStore | undefined) {
    const form = new URLSearchParams((await readBody(req)).toString("utf8"));
    if (!store) return send(res, 404, { errors: "Not Found" });
    const ok =
      form.get("grant_type") === "client_credentials" &&
      !!store.clientId &&
      form.get("client_id") === store.clientId &&
      form.get("client_secret") === store.clientSecret;
    grants.push({ shop: store.domain, ok });
    if (!ok)
      return send(res, 400, {
        error: "invalid_client",
        error_description: "Client authentication failed due to unknown client, no client authentication included.",
      });
    const token = `shpat_${randomBytes(16).toString("hex")}`;
    const seconds = store.grantedTokenSeconds ?? 86_399;
    granted.set(token, { shop: store.domain, expiresAt: Date.now() + seconds * 1000 });
    send(res, 200, { access_token: token, scope: store.scopes.join(","), expires_in: seconds });
  }

  const tokenValid = (store: FakeStore, token: string | string[] | undefined) => {
    if (token === store.token) return true;
    const g = typeof token === "string" ? granted.get(token) : undefined;
    return !!g && g.shop === store.domain && g.expiresAt > Date.now();
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const oauth = /^\/([a-z0-9-]+\.myshopify\.com)\/admin\/oauth\/access_token$/.exec(url.pathname);
      if (oauth && req.method === "POST")
        return grant(
          req,
          res,
          stores.find((s) => s.domain === oauth[1]),
        );
      const staged = /^\/staged\/([0-9a-f]+)$/.exec(url.pathname);
      if (staged) return upload(req, res, staged[1]);
      const api = /^\/([a-z0-9-]+\.myshopify\.com)\/admin\/api\/[0-9a-z-]+\/graphql\.json$/.exec(url.pathname);
      if (!api || req.method !== "POST") return send(res, 404, { errors: "Not Found" });
      const store = stores.find((s) => s.domain === api[1]);
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as {
        query?: string;
        variables?: Record<string, unknown>;
      };
      if (!store) return send(res, 404, { errors: "Not Found" });
      if (!tokenValid(store, req.headers["x-shopify-access-token"]))
        return send(res, 401, {
          errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
        });
      const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? "anonymous";
      calls.push({ shop: store.domain, operation, variables: body.variables ?? {} });
      if (controls.throttleNext > 0) {
        controls.throttleNext--;
        controls.available = 2;
        return send(res, 200, {
          errors: [
            {
              message: "Throttled",
              extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
            },
          ],
          extensions: cost(10, null),
        });
      }
      controls.available = MAX_AVAILABLE;
      send(res, 200, graphql(store, operation, body.variables ?? {}));
    })().catch((err: Error) => send(res, 500, { errors: err.message }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    controls,
    calls,
    uploads,
    files,
    /** Each client-credentials request: its store and whether the credentials were right. */
    grants,
    /** Every token granted so far stops working now, as at its expiry. */
    expireGrantedTokens: () => granted.forEach((g) => (g.expiresAt = 0)),
    /** The product's media in gallery order, with each file's alt text and type. */
    mediaOf: (productGid: string) => (productMedia.get(productGid) ?? []).map((id) => files.get(id)!),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ShopifyFake = Awaited<ReturnType<typeof startShopifyFake>>;
