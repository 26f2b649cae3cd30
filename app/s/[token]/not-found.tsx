export default function SharedAlbumNotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-canvas p-6 text-center">
      <div>
        <h1 className="text-xl font-semibold">This album is not available</h1>
        <p className="mt-2 text-sm text-ink-muted">
          The link may have expired or been revoked. Ask the sender for a new one.
        </p>
      </div>
    </main>
  );
}
