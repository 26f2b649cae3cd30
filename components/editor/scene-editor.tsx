"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import type { CameraChange } from "@/components/scene/scene-canvas";
import { SaveAsTemplateButton } from "@/components/templates/save-as-template-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActiveShot } from "@/lib/editor/use-active-shot";
import { useAutosave } from "@/lib/editor/use-autosave";
import { useSceneHistory } from "@/lib/editor/use-scene-history";
import { useUndoShortcuts } from "@/lib/editor/use-undo-shortcuts";
import type { SceneDocument } from "@/lib/scene";
import { BackgroundSection, backgroundSummary } from "./background-section";
import { CameraSection } from "./camera-section";
import { Section, focusRing } from "./controls";
import { HistoryButton } from "./history/history-button";
import { EditorContext, titleCase, type EditorContextValue, type EditorProduct } from "./editor-context";
import { LightingSection } from "./lighting-section";
import { LookSection, lookSummary } from "./look-section";
import { MaterialsSection } from "./materials-section";
import { PropsSection, propsSummary } from "./props-section";
import { RatioSelector } from "./ratio-selector";
import { SaveConflictDialog } from "./save-conflict-dialog";
import { SaveStatus } from "./save-status";
import { StageSection } from "./stage-section";
import { ToneSection } from "./tone-section";
import { useEditorProducts } from "./use-editor-products";
import { useDirectManipulation } from "./use-direct-manipulation";
import { Viewport, cameraArgs } from "./viewport";

// Loaded when the Products section opens: the library picker is not needed to draw the editor.
const ProductsSection = dynamic(() => import("./products-section").then((m) => m.ProductsSection), {
  ssr: false,
  loading: () => <p className="text-xs text-ink-muted">Loading…</p>,
});

export type SceneEditorProps = {
  scene: { id: string; name: string; document: SceneDocument; revision: number };
  products: Record<string, EditorProduct>;
  canEdit: boolean;
  /** The workspace's brand colours (brand kit), offered when recolouring props. */
  brandPalette?: string[];
};

// Their own chunks: the editor route's JavaScript is over budget; the Shots section is only for scenes with
// several angles, the export dialog (its previews, plans and pricing) opens only on Export, and brand overlays'
// fonts and layout are not part of the editor's first load.
const ShotsSection = dynamic(() => import("./shots-section").then((m) => m.ShotsSection), { ssr: false });
const ExportDialog = dynamic(() => import("@/components/renders/export-dialog").then((m) => m.ExportDialog), {
  ssr: false,
});
const OverlaysSection = dynamic(() => import("./overlays/overlays-section").then((m) => m.OverlaysSection), {
  ssr: false,
  loading: () => <p className="text-sm text-ink-muted">Loading…</p>,
});
const OverlayLayer = dynamic(() => import("./overlays/overlay-layer").then((m) => m.OverlayLayer), { ssr: false });

type SectionId =
  | "products"
  | "camera"
  | "shots"
  | "lighting"
  | "background"
  | "stage"
  | "props"
  | "materials"
  | "tone"
  | "overlays"
  | "look";

function IconButton({
  label,
  shortcut,
  onClick,
  disabled,
  children,
}: {
  label: string;
  shortcut: string;
  onClick: () => void;
  disabled: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={`${label} (${shortcut.replace("Control", "Ctrl")})`}
      onClick={onClick}
      disabled={disabled}
      className={`inline-flex h-8 w-8 items-center justify-center rounded-md text-ink-soft hover:bg-canvas-sunken hover:text-ink disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent ${focusRing}`}
    >
      {children}
    </button>
  );
}

export function SceneEditor({ scene, products: initialProducts, canEdit, brandPalette = [] }: SceneEditorProps) {
  const readOnly = !canEdit;
  const history = useSceneHistory(scene.document);
  const { doc, execute, endCoalescing, undo, redo } = history;
  const { products, registerProduct } = useEditorProducts(initialProducts);
  const sceneUrl = `/api/scenes/${encodeURIComponent(scene.id)}`;
  const { status, retry, revision } = useAutosave({ url: sceneUrl, doc, revision: scene.revision, enabled: canEdit });
  useUndoShortcuts({ undo, redo, enabled: canEdit });

  // Session state: never part of the document.
  const [selectedOutputId, setSelectedOutputId] = useState(doc.outputs[0].id);
  const [open, setOpen] = useState<ReadonlySet<SectionId>>(() => new Set<SectionId>(["camera"]));
  // Sections and the export dialog whose code is its own chunk are mounted when first opened (their chunks are
  // fetched then, not with the editor) and stay mounted, so what was picked in them survives closing them.
  const [opened, setOpened] = useState<ReadonlySet<SectionId>>(() => new Set<SectionId>(["camera"]));
  const [exporting, setExporting] = useState(false);
  const [exportOpened, setExportOpened] = useState(false);
  const output = doc.outputs.find((o) => o.id === selectedOutputId) ?? doc.outputs[0];
  // The shot the viewport shows; the Camera section edits its camera (the main camera when none is picked).
  const { activeShotId, setActiveShotId, viewDoc, executeOnShot } = useActiveShot(doc, execute);
  // Nudges and align follow the camera the viewport shows (the active shot's).
  const manipulation = useDirectManipulation({
    doc,
    viewAzimuth: viewDoc.camera.azimuth,
    products,
    readOnly,
    execute,
    endCoalescing,
  });
  const activeShot = doc.shots.find((shot) => shot.id === activeShotId);
  const aspect = output.width / output.height;

  const toggle = (id: SectionId) => {
    setOpened((prev) => (prev.has(id) ? prev : new Set(prev).add(id)));
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const onCameraChange = useCallback(
    (camera: CameraChange) => {
      // One gesture = one undo step: no coalesce key, and the renderer reports only at gesture end.
      executeOnShot({ type: "setCamera", args: cameraArgs(camera, aspect) });
    },
    [executeOnShot, aspect],
  );

  const context = useMemo<EditorContextValue>(
    () => ({ doc, products, readOnly, execute, endCoalescing, registerProduct }),
    [doc, products, readOnly, execute, endCoalescing, registerProduct],
  );
  const shotContext = useMemo<EditorContextValue>(
    () => ({ ...context, doc: viewDoc, execute: executeOnShot }),
    [context, viewDoc, executeOnShot],
  );

  const mainProduct = products[doc.products[0].productId];
  const sections: { id: SectionId; title: string; summary: string; body: React.ReactNode }[] = [
    {
      id: "products",
      title: "Products",
      summary: doc.products.length === 1 ? "1 product" : `Bundle of ${doc.products.length}`,
      body: open.has("products") && <ProductsSection />,
    },
    {
      id: "camera",
      title: activeShot ? `Camera · ${activeShot.label}` : "Camera",
      summary: titleCase(viewDoc.camera.preset),
      body: (
        <EditorContext.Provider value={shotContext}>
          <CameraSection />
        </EditorContext.Provider>
      ),
    },
    {
      id: "shots",
      title: "Shots",
      summary: doc.shots.length ? `${doc.shots.length + 1} shots` : "Main view only",
      body: opened.has("shots") && (
        <ShotsSection
          activeShotId={activeShotId}
          onSelectShot={setActiveShotId}
          viewDoc={viewDoc}
          selectedOutputId={output.id}
          onSelectOutput={setSelectedOutputId}
        />
      ),
    },
    { id: "lighting", title: "Lighting", summary: titleCase(doc.lighting.rig.preset), body: <LightingSection /> },
    { id: "background", title: "Background", summary: backgroundSummary(doc.background), body: <BackgroundSection /> },
    {
      id: "stage",
      title: "Stage",
      summary: doc.stage.podium ? `${titleCase(doc.stage.podium.shape)} podium` : "No podium",
      body: <StageSection />,
    },
    {
      id: "props",
      title: "Props",
      summary: propsSummary(doc.stage.props.length),
      body: <PropsSection palette={brandPalette} selection={manipulation.selection} />,
    },
    {
      id: "materials",
      title: "Materials",
      summary:
        doc.products[0].variant ?? (Object.keys(doc.products[0].materialOverrides).length ? "Customised" : "Original"),
      body: <MaterialsSection />,
    },
    {
      id: "tone",
      title: "Tone",
      summary: `${doc.toneMapping.mode === "agx" ? "AgX" : doc.toneMapping.mode === "aces" ? "ACES" : "Neutral"}`,
      body: <ToneSection />,
    },
    { id: "look", title: "Photographic look", summary: lookSummary(doc.look), body: <LookSection /> },
    {
      id: "overlays",
      title: "Overlays",
      summary: doc.overlays.length ? `${doc.overlays.length} on image` : "None",
      // Mounted only when opened, so its chunk (fonts, layout) is fetched then and not with the editor.
      body: open.has("overlays") ? <OverlaysSection output={output} /> : null,
    },
  ];

  return (
    <EditorContext.Provider value={context}>
      <div className="-mx-4 -my-6 flex flex-col bg-canvas md:-mx-10 md:-my-10 md:h-screen">
        <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-white px-4 py-2 md:px-6">
          <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm">
            <Link href="/scenes" className={`rounded text-ink-muted hover:text-ink ${focusRing}`}>
              Scenes
            </Link>
            <span aria-hidden="true" className="text-line-strong">
              /
            </span>
            <h1 className="truncate font-semibold text-ink" title={scene.name}>
              {scene.name}
            </h1>
          </nav>
          <div className="order-last flex w-full justify-center overflow-x-auto lg:order-none lg:w-auto lg:flex-1">
            <RatioSelector outputs={doc.outputs} selectedId={output.id} onSelect={setSelectedOutputId} />
          </div>
          <div className="ml-auto flex items-center gap-3">
            <HistoryButton
              sceneId={scene.id}
              canEdit={canEdit}
              status={status}
              revision={revision ?? scene.revision}
              products={products}
            />
            {canEdit ? (
              <>
                <SaveStatus status={status} onRetry={retry} />
                <div className="flex items-center gap-0.5 border-l border-line pl-2">
                  <IconButton label="Undo" shortcut="Control+Z" onClick={undo} disabled={!history.canUndo}>
                    <svg
                      className="h-4 w-4"
                      viewBox="0 0 20 20"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.8"
                      strokeLinecap="round"
                      strokeLinejoin="round"
                      aria-hidden="true"
                    >
                      <path d="M7.5 4.5 4 8l3.5 3.5" />
                      <path d="M4 8h7.5a4.5 4.5 0 0 1 0 9H9" />
                    </svg>
                  </IconButton>
                  <IconButton label="Redo" shortcut="Control+Shift+Z" onClick={redo} disabled={!history.canRedo}>
                    <svg
                      className="h-4 w-4"
                      viewBox="0 0 20 20"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.8"
                      strokeLinecap="round"
                      strokeLinejoin="round"
                      aria-hidden="true"
                    >
                      <path d="M12.5 4.5 16 8l-3.5 3.5" />
                      <path d="M16 8H8.5a4.5 4.5 0 0 0 0 9H11" />
                    </svg>
                  </IconButton>
                </div>
                <SaveAsTemplateButton sceneId={scene.id} />
                <Button
                  onClick={() => {
                    setExportOpened(true);
                    setExporting(true);
                  }}
                  className="py-1.5"
                >
                  Export
                </Button>
              </>
            ) : (
              <span className="rounded-full bg-canvas-sunken px-2.5 py-1 text-xs font-medium text-ink-soft">
                View only
              </span>
            )}
          </div>
        </header>
        {status.state === "error" && status.message && (
          <div className="border-b border-line bg-white px-4 py-2 md:px-6">
            <Alert tone="error">Couldn&apos;t save: {status.message}</Alert>
          </div>
        )}

        <div className="flex min-h-0 flex-1 flex-col md:flex-row">
          <div
            // Phones: as tall as the frame needs (up to 62% of the screen); desktop: fills the space left of the panel.
            style={
              {
                "--viewport-h": `min(62vh, calc((100vw - 1.5rem) / ${aspect.toFixed(4)} + 1.5rem))`,
              } as React.CSSProperties
            }
            className="h-[var(--viewport-h)] min-h-[260px] shrink-0 bg-canvas-sunken p-3 md:h-auto md:min-h-0 md:flex-1 md:p-8"
          >
            <Viewport
              doc={viewDoc}
              products={products}
              aspect={aspect}
              interactive={canEdit}
              onCameraChange={onCameraChange}
              sceneOverlay={manipulation.sceneOverlay}
              frameOverlay={manipulation.frameOverlay}
            >
              {(doc.overlays.length > 0 || open.has("overlays")) && <OverlayLayer doc={doc} output={output} />}
            </Viewport>
          </div>
          <aside
            aria-label="Scene settings"
            className="border-line bg-white md:w-80 md:shrink-0 md:overflow-y-auto md:border-l lg:w-[22rem]"
          >
            {readOnly && (
              <div className="border-b border-line p-4">
                <Alert tone="info">You have view access. Ask a workspace editor to make changes.</Alert>
              </div>
            )}
            {history.error && (
              <div className="border-b border-line p-4">
                <Alert tone="error">That change couldn&apos;t be applied: {history.error}</Alert>
              </div>
            )}
            {manipulation.panel}
            {mainProduct && (
              <p className="border-b border-line px-4 py-3 text-xs text-ink-muted">
                <span className="font-medium text-ink-soft">{mainProduct.name}</span>
                {activeShot && ` · ${activeShot.label}`} · {output.label} · {output.width}×{output.height}px
              </p>
            )}
            {sections.map((section) => (
              <Section
                key={section.id}
                id={section.id}
                title={section.title}
                summary={section.summary}
                open={open.has(section.id)}
                onToggle={() => toggle(section.id)}
              >
                {section.body}
              </Section>
            ))}
          </aside>
        </div>
      </div>
      {canEdit && (
        <SaveConflictDialog
          open={status.state === "conflict"}
          message={status.message}
          sceneId={scene.id}
          document={doc}
        />
      )}
      {canEdit && exportOpened && (
        <ExportDialog
          open={exporting}
          onClose={() => setExporting(false)}
          sceneId={scene.id}
          document={doc}
          products={products}
        />
      )}
    </EditorContext.Provider>
  );
}
