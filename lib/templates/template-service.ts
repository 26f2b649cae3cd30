/**
 * Server side of templates and the brand kit: the gallery (built-in + the
 * workspace's own, ordered "for you"), preview thumbnails rendered by the
 * worker, "Use template", "Save as template", variations and usage events.
 */
import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/lib/db";
import {
  findThumbnailsByKeys,
  getBrandKit,
  getWorkspaceTemplate,
  insertWorkspaceTemplate,
  linkSceneToTemplate,
  listWorkspaceTemplates,
  templateUsage,
} from "@/lib/db/queries/templates";
import { templateThumbnails, type WorkspaceTemplateRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { findProduct, type ProductInfo } from "@/lib/products/catalog";
import { parseScene, type SceneDocument } from "@/lib/scene";
import {
  BUILT_IN_TEMPLATES,
  getBuiltInTemplate,
  productSlotSchema,
  tintSlotSchema,
  type ColourFamily,
  type SceneTemplate,
  type TemplateRatio,
  type TemplateStyle,
} from "@/lib/scene/templates";
import { createSceneFromDocument, loadScene } from "@/lib/stored-scenes/scene-service";
import { sortForYou } from "./for-you";
import {
  lockWaitingPreviews,
  previewPriority,
  previewQueueLimit,
  waitingBefore,
  withdrawSamplePreviews,
} from "./preview-queue";
import { instantiateTemplate, stageUnit } from "./instantiate";
import { inferTintSlots, tintDocument } from "./tint";
import { generateVariations } from "./variations";

/** Services take the caller as it is (lib/auth/caller.ts): its workspace scopes every read and write. */
type Ctx = WorkspaceCaller;

export const THUMBNAIL_SIZE = { width: 384, height: 480 } as const;

export type BrandKitView = {
  brandName: string;
  palette: string[];
  likedStyles: TemplateStyle[];
  dislikedStyles: TemplateStyle[];
  formats: TemplateRatio[];
  version: number;
  onboarded: boolean;
};

export async function loadBrandKit(db: Database, workspaceId: string): Promise<BrandKitView> {
  const row = await getBrandKit(db, workspaceId);
  return {
    brandName: row?.brandName ?? "",
    palette: row?.palette ?? [],
    likedStyles: (row?.likedStyles ?? []) as TemplateStyle[],
    dislikedStyles: (row?.dislikedStyles ?? []) as TemplateStyle[],
    formats: (row?.formats ?? []) as TemplateRatio[],
    version: row?.version ?? 0,
    onboarded: !!row?.onboardedAt,
  };
}

/** A usable palette: at least two colours. */
const paletteOf = (kit: BrandKitView) => (kit.palette.length >= 2 ? kit.palette : null);

// ---------------------------------------------------------- templates (any)

export type GalleryTemplate = {
  id: string;
  name: string;
  style: TemplateStyle | "custom";
  colourFamily: ColourFamily | null;
  tags: string[];
  ratios: TemplateRatio[];
  custom: boolean;
};

const customSlotsSchema = z.object({ product: productSlotSchema.nullable(), tint: z.array(tintSlotSchema) });

/** A workspace template as something instantiate() can use (null podium slot: the product just swaps in). */
function customTemplate(row: WorkspaceTemplateRow): {
  meta: GalleryTemplate;
  template: SceneTemplate | null;
  document: SceneDocument;
  tint: SceneTemplate["slots"]["tint"];
} {
  const document = parseScene(row.document);
  const slots = customSlotsSchema.parse(row.slots);
  const meta: GalleryTemplate = {
    id: row.id,
    name: row.name,
    style: "custom",
    colourFamily: null,
    tags: ["yours"],
    ratios: ["1:1", "4:5", "9:16", "16:9"],
    custom: true,
  };
  const template: SceneTemplate | null =
    slots.product && document.stage.podium
      ? {
          id: "custom",
          name: row.name,
          style: "minimal",
          colourFamily: "neutral",
          tags: [],
          ratios: meta.ratios,
          slots: { product: slots.product, tint: slots.tint },
          document,
        }
      : null;
  return { meta, template, document, tint: slots.tint };
}

const builtInMeta = (t: SceneTemplate): GalleryTemplate => ({
  id: t.id,
  name: t.name,
  style: t.style,
  colourFamily: t.colourFamily,
  tags: t.tags,
  ratios: t.ratios,
  custom: false,
});

/** The built-in templates' gallery entries: code, so made once per process (only their order is per workspace). */
const BUILT_IN_META: readonly (GalleryTemplate & { style: TemplateStyle })[] = BUILT_IN_TEMPLATES.map((t) => ({
  ...builtInMeta(t),
  style: t.style,
}));

/** The document a template makes for a product (tinted with the palette when given). */
async function documentFor(
  db: Database,
  workspaceId: string,
  templateId: string,
  product: ProductInfo,
  palette: readonly string[] | null,
): Promise<SceneDocument> {
  const builtIn = getBuiltInTemplate(templateId);
  if (builtIn)
    return instantiateTemplate(builtIn, {
      productId: product.id,
      productSize: product.dimensionsM,
      brandPalette: palette,
    });
  if (!templateId.startsWith("wtp_")) throw new AppError("not_found", "Template was not found.");
  const custom = customTemplate(await getWorkspaceTemplate(db, workspaceId, templateId));
  if (custom.template)
    return instantiateTemplate(custom.template, {
      productId: product.id,
      productSize: product.dimensionsM,
      brandPalette: palette,
    });
  const swapped: SceneDocument = {
    ...custom.document,
    products: [{ ...custom.document.products[0], productId: product.id, materialOverrides: {}, variant: null }],
  };
  return parseScene(palette ? tintDocument(swapped, custom.tint, palette) : swapped);
}

async function requireProduct(db: Database, workspaceId: string, productId: string): Promise<ProductInfo> {
  const product = await findProduct(workspaceId, productId, db);
  if (!product) throw new AppError("not_found", "Product was not found.", { productId: "Pick one of your products." });
  return product;
}

// ----------------------------------------------------------------- gallery

export async function loadGallery(db: Database, workspaceId: string) {
  const [kit, usage, rows] = await Promise.all([
    loadBrandKit(db, workspaceId),
    templateUsage(db, workspaceId),
    listWorkspaceTemplates(db, workspaceId),
  ]);
  const builtIn = sortForYou(BUILT_IN_META, {
    likedStyles: kit.likedStyles,
    dislikedStyles: kit.dislikedStyles,
    usage,
  });
  const yours = rows.map((row) => customTemplate(row).meta);
  return { kit, builtIn, yours };
}

// -------------------------------------------------------------- thumbnails

export type PreviewItem = {
  key: string;
  templateId: string;
  /** Null for a preview deferred by the workspace's queue limit: it shows as queued, and a later poll queues it. */
  thumbnailId: string | null;
  /** "unavailable": not made yet, and this caller (a viewer) may not queue it. */
  status: "queued" | "rendering" | "done" | "failed" | "unavailable";
  url: string | null;
};

const hash = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 20);

/**
 * Makes sure every document has a preview row and a queued job (one
 * transaction; jobs carry ids only). Cached by content: the key hashes the
 * document (template x product x brand palette; the product's real size is in it, so a unit fix is a new preview),
 * the model (a sample's file; an upload's model only changes with its units) and the size, so any change is a new
 * preview, and nothing else is: saving a product's thumbnail or renaming it keeps its previews.
 * Bounded and fair (lib/templates/preview-queue.ts): beyond the workspace's limit a preview is deferred, and each
 * job's priority puts it behind the workspace's own earlier previews, not behind other workspaces'. `first`: the
 * keys the user sees now (the gallery's first cards), queued before the rest.
 */
export async function ensureThumbnails(
  db: Database,
  workspaceId: string,
  product: ProductInfo,
  brandVersion: number,
  items: { key: string; templateId: string; document: SceneDocument }[],
  /** false for viewers: they see the previews that exist and queue none (previews cost render time). */
  mayQueue = true,
  first: readonly string[] = [],
): Promise<PreviewItem[]> {
  const { width, height } = THUMBNAIL_SIZE;
  const keyed = items.map((item) => ({
    ...item,
    cacheKey: `${item.templateId}:${product.id}:b${brandVersion}:${hash(JSON.stringify([item.document, product.sample ? product.url : "upload", width, height]))}`,
  }));
  let existing = await findThumbnailsByKeys(
    db,
    workspaceId,
    keyed.map((k) => k.cacheKey),
  );
  const have = new Set(existing.map((e) => e.cacheKey));
  const rank = (key: string) => (first.includes(key) ? first.indexOf(key) : first.length);
  const missing = keyed.filter((k) => !have.has(k.cacheKey)).sort((a, b) => rank(a.key) - rank(b.key));
  if (missing.length > 0 && mayQueue) {
    await withJobTransaction(async (tx, _enqueue, enqueueMany) => {
      const waiting = await lockWaitingPreviews(tx, workspaceId);
      let room = previewQueueLimit() - waiting.total;
      // A sample's previews give way to the workspace's own product (the one just uploaded).
      if (!product.sample && room < missing.length)
        room += await withdrawSamplePreviews(tx, workspaceId, Math.min(missing.length - room, waiting.samples));
      const admitted = missing.slice(0, Math.max(0, room));
      if (admitted.length === 0) return;
      const inserted = await tx
        .insert(templateThumbnails)
        .values(
          admitted.map((m) => ({
            id: newId("tth"),
            workspaceId,
            cacheKey: m.cacheKey,
            templateId: m.templateId,
            productId: product.id,
            snapshot: m.document,
            width,
            height,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: templateThumbnails.id });
      // In one statement: the first (visible) preview can be taken as soon as this commits.
      await enqueueMany(
        "template-preview",
        inserted.map((row, i) => ({
          payload: { thumbnailId: row.id },
          options: { priority: previewPriority(waitingBefore(waiting, product.id) + i, product.id) },
        })),
      );
    });
    existing = await findThumbnailsByKeys(
      db,
      workspaceId,
      keyed.map((k) => k.cacheKey),
    );
  }
  const byKey = new Map(existing.map((e) => [e.cacheKey, e]));
  return keyed.map((k): PreviewItem => {
    const row = byKey.get(k.cacheKey);
    if (!row)
      return {
        key: k.key,
        templateId: k.templateId,
        thumbnailId: null,
        status: mayQueue ? "queued" : "unavailable",
        url: null,
      };
    const url = row.status === "done" ? `/api/templates/thumbnails/${row.id}` : null;
    return { key: k.key, templateId: k.templateId, thumbnailId: row.id, status: row.status, url };
  });
}

export async function galleryPreviews(
  db: Database,
  ctx: Ctx,
  /** `visible`: the template ids of the cards the user sees first, in their order: drawn before the rest. */
  input: { productId: string; tinted: boolean; visible?: string[] },
  { mayQueue = true }: { mayQueue?: boolean } = {},
) {
  const product = await requireProduct(db, ctx.workspaceId, input.productId);
  const kit = await loadBrandKit(db, ctx.workspaceId);
  const palette = input.tinted ? paletteOf(kit) : null;
  const rows = await listWorkspaceTemplates(db, ctx.workspaceId);
  const items: { key: string; templateId: string; document: SceneDocument }[] = [];
  for (const t of BUILT_IN_TEMPLATES) {
    items.push({
      key: t.id,
      templateId: t.id,
      document: instantiateTemplate(t, {
        productId: product.id,
        productSize: product.dimensionsM,
        brandPalette: palette,
      }),
    });
  }
  for (const row of rows)
    items.push({
      key: row.id,
      templateId: row.id,
      document: await documentFor(db, ctx.workspaceId, row.id, product, palette),
    });
  return {
    tinted: !!palette,
    previews: await ensureThumbnails(
      db,
      ctx.workspaceId,
      product,
      palette ? kit.version : 0,
      items,
      mayQueue,
      input.visible ?? [],
    ),
  };
}

// ------------------------------------------------------------ use / save

export async function useTemplate(
  db: Database,
  ctx: Ctx,
  input: { templateId: string; productId: string; tinted: boolean },
) {
  const { document, name } = await templateSceneFor(db, ctx, input);
  const { id } = await createSceneFromDocument(db, ctx, document, name);
  await linkSceneToTemplate(db, ctx.workspaceId, id, input.templateId);
  return { sceneId: id };
}

/** What "Use template" makes for a product, before it is stored: the document and the scene's name. */
export async function templateSceneFor(
  db: Database,
  ctx: Ctx,
  input: { templateId: string; productId: string; tinted: boolean },
) {
  const product = await requireProduct(db, ctx.workspaceId, input.productId);
  const kit = await loadBrandKit(db, ctx.workspaceId);
  const document = await documentFor(
    db,
    ctx.workspaceId,
    input.templateId,
    product,
    input.tinted ? paletteOf(kit) : null,
  );
  const builtIn = getBuiltInTemplate(input.templateId);
  const templateName = builtIn?.name ?? (await getWorkspaceTemplate(db, ctx.workspaceId, input.templateId)).name;
  return { document, name: `${product.name} · ${templateName}`, product, templateName };
}

const clampTo = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export async function saveSceneAsTemplate(db: Database, ctx: Ctx, input: { sceneId: string; name?: string }) {
  const scene = await loadScene(db, ctx, input.sceneId);
  const document = scene.document;
  const placement = document.products[0];
  const product = await findProduct(ctx.workspaceId, placement.productId, db);
  const podium = document.stage.podium;
  let productSlot: z.infer<typeof productSlotSchema> | null = null;
  if (product && podium) {
    const size = product.dimensionsM.map((v) => v * placement.scale) as [number, number, number];
    productSlot = {
      anchor: "podium-top",
      podium: {
        widthPerUnit: clampTo(podium.width / stageUnit(size), 1, 8),
        heightPerProductHeight: clampTo(podium.height / Math.max(size[1], 0.001), 0.02, 2),
      },
      propAnchors: document.stage.props.map((p) =>
        Math.abs(p.position[1] - podium.height) < 0.002 ? "podium" : "floor",
      ),
      breathing: 1,
    };
  }
  const slots = { product: productSlot, tint: inferTintSlots(document) };
  const { id } = await insertWorkspaceTemplate(db, {
    workspaceId: ctx.workspaceId,
    name: (input.name?.trim() || scene.name).slice(0, 80),
    document,
    slots,
    sourceSceneId: scene.id,
    createdBy: actingUserId(ctx),
  });
  return { id };
}

// -------------------------------------------------------------- variations

async function variationSet(db: Database, ctx: Ctx, input: { productId: string; seed: number; count?: number }) {
  const product = await requireProduct(db, ctx.workspaceId, input.productId);
  const kit = await loadBrandKit(db, ctx.workspaceId);
  const variations = generateVariations({
    templates: BUILT_IN_TEMPLATES,
    productId: product.id,
    productSize: product.dimensionsM,
    palette: paletteOf(kit),
    likedStyles: kit.likedStyles,
    dislikedStyles: kit.dislikedStyles,
    seed: input.seed,
    count: input.count,
  });
  return { product, kit, variations };
}

export async function variationPreviews(
  db: Database,
  ctx: Ctx,
  input: { productId: string; seed: number; count?: number },
) {
  const { product, kit, variations } = await variationSet(db, ctx, input);
  const previews = await ensureThumbnails(
    db,
    ctx.workspaceId,
    product,
    kit.version,
    variations.map((v) => ({ key: String(v.index), templateId: v.templateId, document: v.document })),
  );
  return {
    variations: variations.map((v, i) => ({
      index: v.index,
      templateId: v.templateId,
      templateName: v.templateName,
      angle: v.angle,
      rig: v.rig,
      preview: previews[i] ?? null,
    })),
  };
}

export async function keepVariations(
  db: Database,
  ctx: Ctx,
  input: { productId: string; seed: number; count?: number; indexes: number[] },
) {
  const { product, variations } = await variationSet(db, ctx, input);
  const scenes: { index: number; sceneId: string }[] = [];
  for (const index of input.indexes) {
    const variation = variations[index];
    if (!variation) throw new AppError("not_found", "That variation was not found.");
    const { id } = await createSceneFromDocument(
      db,
      ctx,
      variation.document,
      `${product.name} · ${variation.templateName} (variation ${index + 1})`,
    );
    await linkSceneToTemplate(db, ctx.workspaceId, id, variation.templateId);
    scenes.push({ index, sceneId: id });
  }
  return { scenes };
}
