"use client";
import { useCallback, useState } from "react";
import type { EditorProduct } from "./editor-context";

/**
 * The products the editor can draw: those the page loaded for the scene's placements, plus any added from the
 * library during this visit (a bundle). Session state: the document stores only product ids.
 */
export function useEditorProducts(initial: Record<string, EditorProduct>) {
  const [products, setProducts] = useState(initial);
  const registerProduct = useCallback(
    (id: string, product: EditorProduct) =>
      setProducts((current) => (current[id] ? current : { ...current, [id]: product })),
    [],
  );
  return { products, registerProduct };
}
