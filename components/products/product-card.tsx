"use client";

import Link from "next/link";
import { formatDimensions, pluralise } from "@/lib/products/format";
import type { ProductCardData } from "@/lib/products/product-types";

export function ProductCard({ product, actions }: { product: ProductCardData; actions?: React.ReactNode }) {
  return (
    <li
      className="group relative flex flex-col overflow-hidden rounded-xl border border-line bg-white shadow-sm transition-shadow hover:shadow-md"
      data-testid="product-card"
    >
      <Link
        href={`/products/${product.id}`}
        className="block aspect-[4/3] bg-gradient-to-b from-canvas-sunken to-white focus:outline-none focus-visible:ring-2 focus-visible:ring-accent"
      >
        {product.thumbnailUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by an authenticated route, not the image optimiser
          <img src={product.thumbnailUrl} alt="" className="h-full w-full object-cover" loading="lazy" />
        ) : (
          <div className="flex h-full items-center justify-center text-ink-muted">
            <CubeIcon />
          </div>
        )}
        <span className="sr-only">Open {product.name}</span>
      </Link>
      {actions && (
        <div className="absolute right-2 top-2 rounded-lg bg-white/90 shadow-sm backdrop-blur">{actions}</div>
      )}
      <div className="flex-1 p-3">
        <div className="min-w-0">
          <Link
            href={`/products/${product.id}`}
            className="block truncate text-sm font-medium text-ink hover:underline"
            data-testid="product-name"
          >
            {product.name}
          </Link>
          <p className="mt-0.5 text-xs text-ink-soft" data-testid="product-size">
            {formatDimensions(product.dimensionsM)}
            {product.sizeWarning && (
              <span className="ml-1 text-amber-700" title="The size looks off: open the product to fix its units">
                ⚠
              </span>
            )}
          </p>
          <p className="mt-0.5 text-xs text-ink-muted">
            {pluralise(product.triangles, "triangle")} · {pluralise(product.materials.length, "material")}
          </p>
        </div>
      </div>
    </li>
  );
}

function CubeIcon() {
  return (
    <svg
      className="h-10 w-10"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      aria-hidden="true"
    >
      <path d="M12 2.5 3.5 7v10l8.5 4.5 8.5-4.5V7L12 2.5Z" strokeLinejoin="round" />
      <path d="M3.5 7 12 11.5 20.5 7M12 11.5v10" strokeLinejoin="round" />
    </svg>
  );
}
