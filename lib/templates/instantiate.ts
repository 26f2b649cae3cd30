/**
 * Template -> scene document for one product (pure): the product keeps its
 * real size and stands centred on the podium top; the podium and props scale
 * to the product; the camera frames product and podium automatically; brand
 * colours go into the tintable slots when a palette is given.
 */
import { parseScene, unionBounds, type Bounds, type SceneDocument, type Vec3 } from "@/lib/scene";
import type { SceneTemplate } from "@/lib/scene/templates/schema";
import { tintDocument, type BrandPalette } from "./tint";

export type ProductSize = readonly [number, number, number];

export interface InstantiateOptions {
  productId: string;
  /** Real size in metres [x, y, z]: the product keeps it (scale 1). */
  productSize: ProductSize;
  brandPalette?: BrandPalette | null;
  /** Which palette colour plays which role (variations rotate it). */
  paletteRotation?: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round4 = (v: number) => Math.round(v * 10000) / 10000;

/** The stage unit: the footprint, or half the height for tall products (a perfume gets a real stage). */
export function stageUnit(size: ProductSize): number {
  return Math.max(size[0], size[2], size[1] * 0.5, 0.01);
}

/**
 * The renderer frames the product together with the podium under it (see
 * components/scene/scene-contents.tsx), for every output ratio. A template
 * only adds its breathing room on top, as a zoom; target and distance stay
 * automatic so each ratio is re-framed, not cropped.
 */
export function fitCameraToStage(
  document: SceneDocument,
  _product: Bounds,
  _stage: Bounds,
  breathing = 1,
): SceneDocument["camera"] {
  // Breathing only ever adds room: never a tighter crop than the automatic fit.
  return {
    ...document.camera,
    target: null,
    distance: null,
    zoom: round4(clamp(breathing, 0.6, 1)),
    referenceAspect: 1,
  };
}

export function instantiateTemplate(template: SceneTemplate, options: InstantiateOptions): SceneDocument {
  const [sx, sy, sz] = options.productSize;
  const source = template.document;
  const refPodium = source.stage.podium!;
  const slot = template.slots.product;
  const unit = stageUnit(options.productSize);

  const width = clamp(slot.podium.widthPerUnit * unit, 0.02, 10);
  const depth = clamp(width * (refPodium.depth / refPodium.width), 0.02, 10);
  const height = clamp(slot.podium.heightPerProductHeight * sy, 0.005, 5);
  const k = width / refPodium.width;

  const props = source.stage.props.map((prop, i) => {
    const anchor = slot.propAnchors[i] ?? "floor";
    const y = anchor === "podium" ? height + (prop.position[1] - refPodium.height) * k : prop.position[1] * k;
    return {
      ...prop,
      position: [
        round4(clamp(prop.position[0] * k, -100, 100)),
        round4(clamp(y, -100, 100)),
        round4(clamp(prop.position[2] * k, -100, 100)),
      ] as Vec3,
      scale: round4(clamp(prop.scale * k, 0.01, 50)),
    };
  });

  const podium = { ...refPodium, width: round4(width), depth: round4(depth), height: round4(height) };
  let document: SceneDocument = {
    ...structuredClone(source),
    seed: source.seed,
    products: [
      {
        id: "product-1",
        productId: options.productId,
        position: [0, podium.height, 0],
        rotationY: 0,
        scale: 1,
        materialOverrides: {},
        variant: null,
      },
    ],
    stage: { ...source.stage, podium, props },
  };

  const productBounds: Bounds = { min: [-sx / 2, podium.height, -sz / 2], max: [sx / 2, podium.height + sy, sz / 2] };
  const podiumBounds: Bounds = {
    min: [-podium.width / 2, 0, -podium.depth / 2],
    max: [podium.width / 2, podium.height, podium.depth / 2],
  };
  document.camera = fitCameraToStage(
    document,
    productBounds,
    unionBounds([productBounds, podiumBounds]),
    slot.breathing,
  );

  if (options.brandPalette && options.brandPalette.length > 0) {
    document = tintDocument(
      document,
      template.slots.tint,
      options.brandPalette,
      options.paletteRotation ?? 0,
      template.style,
    );
  }
  // The boundary rule: every document that leaves here is a valid one.
  return parseScene(document);
}
