// Electron's entry point. Everything Electron-specific lives in ./shell; all behaviour lives in ./core.
import { startApp } from './shell/startApp';

startApp();
