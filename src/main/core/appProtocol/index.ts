export { isPagePermissionAllowed } from './pagePermissions';
export {
  APP_ENTRY_URL,
  APP_SCHEME,
  contentTypeFor,
  isTrustedRendererUrl,
  RENDERER_CSP,
  resolveRendererFile,
  trustedRendererOrigins,
} from './rendererFiles';
