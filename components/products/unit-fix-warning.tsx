"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorText } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import { formatDimensions } from "@/lib/products/format";
import type { ProductSummary } from "@/lib/products/product-types";
import { UNIT_OPTIONS, appliedUnitText, unitSuggestionText, type UnitKey } from "@/lib/products/units";
import { patchProduct } from "./product-actions";

type UnitFacts = Pick<ProductSummary, "id" | "name" | "dimensionsM" | "suggestedUnit" | "appliedUnit">;

/**
 * A product whose size was implausible as exported (lib/products/units.ts), apart from any success message:
 *  - the upload already applied the likely unit: an amber notice says what it did, with one-click Undo;
 *  - otherwise (after an Undo): an amber warning with the likely fix as one button.
 * Either way the product and the page refresh with the new size.
 */
export function UnitFixWarning({ product }: { product: UnitFacts }) {
  const router = useRouter();
  const submit = useSubmit();
  const [facts, setFacts] = useState<UnitFacts>(product);

  async function setUnit(unit: UnitKey) {
    const result = await submit.run(() => patchProduct(facts.id, { unit }), { key: "unit" });
    if (!result.ok || !result.data.product) return;
    setFacts(result.data.product);
    router.refresh();
  }

  const error = submit.error && <p className="mt-2 text-danger">{errorText(submit.error)}</p>;
  if (facts.appliedUnit) {
    const scale = UNIT_OPTIONS[facts.appliedUnit].scale;
    const asExported = facts.dimensionsM.map((v) => v / scale);
    return (
      <div data-testid="unit-applied">
        <Alert tone="warning">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>
              <span aria-hidden="true">↺ </span>
              <strong>{facts.name}</strong> measured {formatDimensions(asExported)} as exported, too{" "}
              {scale < 1 ? "large" : "small"} for a product, so Plinth {appliedUnitText(facts.appliedUnit)}: it now
              measures {formatDimensions(facts.dimensionsM)}.
            </p>
            <Button variant="secondary" pending={submit.pendingKey === "unit"} onClick={() => void setUnit("m")}>
              Undo
            </Button>
          </div>
          {error}
        </Alert>
      </div>
    );
  }
  if (!facts.suggestedUnit) {
    return (
      <Alert tone="success">
        <strong>{facts.name}</strong> now measures {formatDimensions(facts.dimensionsM)}.
      </Alert>
    );
  }
  const suggested = facts.suggestedUnit;
  return (
    <div data-testid="unit-suggestion">
      <Alert tone="warning">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{facts.name}</strong>&apos;s size looks off: it measures {formatDimensions(facts.dimensionsM)} as
            exported. {unitSuggestionText(suggested)}
          </p>
          <Button variant="secondary" pending={submit.pendingKey === "unit"} onClick={() => void setUnit(suggested)}>
            Use {UNIT_OPTIONS[suggested].label.toLowerCase()}
          </Button>
        </div>
        {error}
      </Alert>
    </div>
  );
}
