import { z } from 'zod';

/**
 * Imported first by every script that runs under the page's Content-Security-Policy (the preload, the web
 * host's bridge, the page itself): each bundles its own zod, which would otherwise try `new Function`
 * once to compile faster object parsers — refused by the CSP, and left behind as a violation report.
 * Importing this module is all it takes; as the first import it runs before any schema parses.
 */
z.config({ jitless: true });
