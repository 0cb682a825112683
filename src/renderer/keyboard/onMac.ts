/** A Mac keyboard: shortcuts use Cmd and are shown as ⌘. The keyboard is this computer's, so the page asks. */
export const onMac = typeof navigator !== 'undefined' && /Macintosh|Mac OS X/.test(navigator.userAgent);
