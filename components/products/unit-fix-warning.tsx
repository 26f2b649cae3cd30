"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorText } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import { formatDimensions } from "@/lib/products/format";
import { UNIT_OPTIONS, unitSuggestionText, type UnitKey } from "@/lib/products/units";
import { patchProduct } from "./product-actions";

type Props = {
  productId: string;
  productName: string;
  dimensionsM: readonly number[];
  suggestedUnit: UnitKey;
};

/**
 * A product whose size looks implausible (lib/products/units.ts): an amber warning, apart from any success
 * message, with the likely fix as one button right here, so nobody has to find the product page to act on it.
 */
export function UnitFixWarning({ productId, productName, dimensionsM, suggestedUnit }: Props) {
  const router = useRouter();
  const submit = useSubmit();
  const [fixed, setFixed] = useState<string | null>(null);
  const unit = UNIT_OPTIONS[suggestedUnit];

  async function fix() {
    const result = await submit.run(() => patchProduct(productId, { unit: suggestedUnit }), { key: "unit" });
    if (!result.ok) return;
    const size = result.data.product?.dimensionsM;
    setFixed(size ? formatDimensions(size) : unit.label.toLowerCase());
    router.refresh();
  }

  if (fixed)
    return (
      <Alert tone="success">
        Units fixed: <strong>{productName}</strong> now measures {fixed}.
      </Alert>
    );
  return (
    <div data-testid="unit-suggestion">
      <Alert tone="warning">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{productName}</strong>&apos;s size looks off: it measures {formatDimensions(dimensionsM)} as
            exported. {unitSuggestionText(suggestedUnit)}
          </p>
          <Button variant="secondary" pending={submit.pendingKey === "unit"} onClick={() => void fix()}>
            Use {unit.label.toLowerCase()}
          </Button>
        </div>
        {submit.error && <p className="mt-2 text-danger">{errorText(submit.error)}</p>}
      </Alert>
    </div>
  );
}
