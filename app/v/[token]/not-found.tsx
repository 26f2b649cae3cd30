/** An unknown or revoked viewer link: the same plain page, no app chrome, status 404. */
export default function ViewerNotFound() {
  return (
    <main className="flex h-screen items-center justify-center bg-stone-50 p-6 text-center">
      <div className="max-w-sm">
        <h1 className="text-lg font-semibold text-stone-900">This 3D viewer does not exist</h1>
        <p className="mt-2 text-sm text-stone-600">
          The link may be mistyped, or the shop that shared it took it down.
        </p>
      </div>
    </main>
  );
}
