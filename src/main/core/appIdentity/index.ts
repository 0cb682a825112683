export {
  APP_NAME,
  APP_SUMMARY,
  DESKTOP_FILE_ID,
  DESKTOP_FILE_NAME,
  EXECUTABLE_NAME,
  profileFolderOverride,
} from './appIdentity';
