"use client";
import { createContext, useContext } from "react";
import type { SceneCommand } from "@/lib/editor/commands";
import type { SceneDocument } from "@/lib/scene";

export type EditorProduct = {
  url: string;
  name: string;
  dimensionsM: [number, number, number];
  materials: string[];
  variants: string[];
};

export type EditorContextValue = {
  doc: SceneDocument;
  products: Record<string, EditorProduct>;
  readOnly: boolean;
  /** Runs a named command; pass a coalesceKey for continuous drags. */
  execute: (command: SceneCommand) => void;
  /** Ends a drag so the next one becomes its own undo step. */
  endCoalescing: () => void;
  /** Makes a product added from the library drawable (its model, size and materials). */
  registerProduct: (id: string, product: EditorProduct) => void;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor must be used inside <SceneEditor>");
  return value;
}

export const titleCase = (id: string) => id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
