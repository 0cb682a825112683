const TRY_LATER = 'CAMB Watch will try again later.';

/**
 * What a failed check or download means to a person. electron-updater reports errors as its own
 * messages (HTTP statuses, Chromium's net::ERR_* codes, file paths): those go to the log, this to the window.
 */
export function updateErrorText(raw: string): string {
  if (
    /net::ERR_|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|timed? ?out/iu.test(raw)
  )
    return `The update server could not be reached: check your connection. ${TRY_LATER}`;
  if (/\b(?:404|403|401)\b|latest[\w-]*\.yml|Cannot find|No published versions|Unable to find/iu.test(raw))
    return `No update information was found for this version. ${TRY_LATER}`;
  if (/sha512|checksum|signature|not signed|code ?sign/iu.test(raw))
    return 'The downloaded update could not be verified, so it was not installed.';
  if (/ENOSPC|no space/iu.test(raw)) return 'The update could not be saved: the disk is full.';
  return `The update could not be checked or downloaded. ${TRY_LATER}`;
}
