export { appImageToIntegrate, integrateAppImage } from './appImageIntegration';
