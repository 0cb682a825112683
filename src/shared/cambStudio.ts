/**
 * Where a person gets a CAMB.AI API key: the CAMB.AI studio, in its API section (CAMB.AI's API reference:
 * "You can find your API key(s) in the 'API' section of our studio website").
 */
export const CAMB_STUDIO_URL = 'https://studio.camb.ai';
export const CAMB_STUDIO_HOST = 'studio.camb.ai';

/**
 * Where a person tops up CAMB.AI credits: the studio's billing page. CAMB.AI's API reference names no
 * such address; this is the studio's own path for it (an out-of-credits job's "Top up credits" opens it).
 */
export const CAMB_STUDIO_BILLING_URL = `${CAMB_STUDIO_URL}/billing`;
