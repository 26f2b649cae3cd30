const NOTICE = {
  processing: {
    title: "This 3D viewer is being prepared",
    body: "The model is being made ready for the web. Reload this page in a minute.",
  },
  failed: {
    title: "This 3D viewer is not available",
    body: "Its model could not be prepared. The shop that shared this link can publish it again.",
  },
  gone: {
    title: "This product is no longer available",
    body: "It was removed, so its 3D viewer was taken down.",
  },
} as const;

/** What a viewer link shows while it cannot show the model: one calm sentence, no app chrome. */
export function ViewerNotice({ state }: { state: keyof typeof NOTICE }) {
  const notice = NOTICE[state];
  return (
    <main className="flex h-screen items-center justify-center bg-stone-50 p-6 text-center" data-viewer-state={state}>
      <div className="max-w-sm">
        <h1 className="text-lg font-semibold text-stone-900">{notice.title}</h1>
        <p className="mt-2 text-sm text-stone-600">{notice.body}</p>
      </div>
    </main>
  );
}
