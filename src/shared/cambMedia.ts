/**
 * Where the details' inline player may load a result's audio from: CAMB.AI's own hosts, over https. One
 * definition for both gates — the page's Content-Security-Policy (`media-src`, core/appProtocol) and the
 * app's own check of each link (core/links: checkMediaUrl) — so a link the check lets through is one the
 * policy lets play. CAMB.AI's API reference does not say where result files live: a link on any other
 * host is not played inline, and the details offer Open and Download for it instead. The one host its
 * examples name is `https://audio-storage.camb.ai/files/…` (docs.camb.ai/api-reference/endpoint/
 * fetch-tts-runs-results, the bulk Text-to-Speech results); the other result examples show placeholders
 * ("<string>", example.com), and no real response was found, so the whole of *.camb.ai stays allowed
 * rather than that one example host (narrowing it could stop dubs' or stories' files from playing).
 */
export const CAMB_MEDIA_HOST_SUFFIX = '.camb.ai';

/** The same hosts as a CSP source expression. */
export const CAMB_MEDIA_SOURCE = `https://*${CAMB_MEDIA_HOST_SUFFIX}`;
