export { type DownloadLimits } from './downloadFile';
export { fileKindOfLink } from './fileNames';
export { type HostDownloader, type HostDownloadRequest } from './hostDownloader';
export { createResultDownloads, type ResultDownloads } from './resultDownloads';
