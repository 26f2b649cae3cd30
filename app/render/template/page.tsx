/**
 * /render/template: draws a BUILT-IN template with a SAMPLE product at an exact
 * size, no app chrome (screenshots, contact sheets, benchmarks). Public and
 * harmless: only shipped templates and samples, no database access.
 *
 *   ?id=minimal-ivory&product=sample_drink-can&w=384&h=480&quality=draft&palette=%23e63946,%231d3557
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SampleRender } from "@/app/render/sample/sample-render";
import { getSampleProduct, SAMPLE_PRODUCTS } from "@/lib/products/samples";
import { getBuiltInTemplate } from "@/lib/scene/templates";
import { instantiateTemplate } from "@/lib/templates";

export const metadata: Metadata = { title: "Template render", robots: { index: false, follow: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function pixels(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 16 && parsed <= 4096 ? parsed : fallback;
}

export default async function TemplateRenderPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const template = getBuiltInTemplate(first(params.id) ?? "");
  const sample = getSampleProduct(first(params.product) ?? SAMPLE_PRODUCTS[0].id);
  if (!template || !sample) notFound();
  const palette = (first(params.palette) ?? "")
    .split(",")
    .filter((c) => /^#[0-9a-fA-F]{6}$/.test(c))
    .slice(0, 6);
  const document = instantiateTemplate(template, { productId: sample.id, productSize: sample.dimensionsM, brandPalette: palette.length ? palette : null });
  return (
    <main style={{ margin: 0, padding: 0 }}>
      <style>{"html,body{margin:0;padding:0;background:transparent}"}</style>
      <SampleRender
        document={document}
        products={{ [sample.id]: { url: sample.file } }}
        size={{ width: pixels(first(params.w), 384), height: pixels(first(params.h), 480) }}
        quality={first(params.quality) === "final" ? "final" : "draft"}
      />
    </main>
  );
}
