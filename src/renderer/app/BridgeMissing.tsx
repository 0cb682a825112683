/** Shown when the page was opened without the app behind it (e.g. index.html straight from disk). */
export function BridgeMissing() {
  return (
    <main className="bridge-missing">
      <h1>CAMB Watch</h1>
      <div role="alert">
        <p>
          <strong>This window is not connected to CAMB Watch.</strong>
        </p>
        <p>
          Open it from the CAMB Watch tray icon, or run <code>npm run dev:web</code> and use the address it
          prints. Opening the page file on its own cannot work: the app behind it is missing.
        </p>
      </div>
    </main>
  );
}
