/**
 * Where a person gets a CAMB.AI API key: the CAMB.AI studio, in its API section (CAMB.AI's API reference:
 * "You can find your API key(s) in the 'API' section of our studio website").
 */
export const CAMB_STUDIO_URL = 'https://studio.camb.ai';
export const CAMB_STUDIO_HOST = 'studio.camb.ai';
