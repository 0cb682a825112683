/** The app's own words for a failed call (BridgeError carries them), or a generic sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  return 'CAMB Watch did not answer. Try again in a moment.';
}
