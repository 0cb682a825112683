/**
 * Why the player could not play, in words, from the element's MediaError code (HTML: "media elements",
 * MediaError: 1 aborted, 2 network, 3 decode, 4 source not supported — which is also what a refused source
 * or an expired link looks like from the page). Null when nothing went wrong that a person must know.
 */
export function mediaErrorWords(code: number | undefined, what: string): string | null {
  switch (code) {
    case 1:
      // The person (or a new source) stopped the loading: not a fault.
      return null;
    case 2:
      return `The connection dropped while loading ${what}: press play to try again, or use Download.`;
    case 3:
      return `${capitalised(what)} could not be played: the file is damaged or in a format this window cannot play. Use Open or Download instead.`;
    default:
      return `${capitalised(what)} could not be loaded here: its link may have expired (reopen the task for a fresh one), or it is not audio this window can play. Use Open or Download instead.`;
  }
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
