export { isPagePermissionAllowed } from './pagePermissions';
export {
  APP_ENTRY_URL,
  APP_SCHEME,
  contentTypeFor,
  isTrustedRendererUrl,
  metaPolicyOf,
  RENDERER_CSP,
  rendererCsp,
  resolveRendererFile,
  trustedRendererOrigins,
} from './rendererFiles';
