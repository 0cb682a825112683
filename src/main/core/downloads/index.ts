export { type DownloadLimits } from './downloadFile';
export { fileKindOfLink } from './fileNames';
export { type HostDownloader, type HostDownloadRequest } from './hostDownloader';
export {
  createResultDownloads,
  type DownloadEvent,
  type ResultDownloads,
  type ResultLink as DownloadLink,
} from './resultDownloads';
export { DOWNLOADS_FOLDER_IN_WORDS } from './downloadErrors';
