/**
 * Chromium's `--enable-features` value with `feature` added: the features already given (by the user on
 * the command line) stay, in their order, and none is named twice. Chromium reads one value for the
 * switch, so appending a second `--enable-features` would replace the user's.
 */
export function mergeFeatureList(given: string, feature: string): string {
  const features = given
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set([...features, feature])].join(',');
}
