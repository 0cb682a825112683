/**
 * Masks secrets in text before it reaches a log, an error message or the terminal. Secrets are asked for on
 * every call, so a key set or replaced while the app runs is masked from then on.
 */

export interface Redactor {
  redact(text: string): string;
}

/** Shorter "secrets" would mask ordinary words and numbers all over the output. */
export const MIN_SECRET_LENGTH = 4;

const PREFERRED_MASK = '[redacted]';

/** The forms in which a secret shows up in logged text: verbatim, in a URL, inside a JSON string. */
function spellingsOf(secret: string): string[] {
  const spellings = [secret, JSON.stringify(secret).slice(1, -1)];
  try {
    const encoded = encodeURIComponent(secret);
    spellings.push(
      encoded,
      encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    );
  } catch {
    // A lone surrogate has no URL form, so it cannot appear in one.
  }
  return spellings;
}

/**
 * A mask that cannot combine with the text around it (or be itself) a secret: otherwise masking "ed]ab" in
 * "ed]abab" would print "[redacted]ab", which contains it again.
 */
function maskFor(spellings: readonly string[]): string {
  const clashes = (mask: string) =>
    spellings.some(
      (spelling) =>
        [...spelling].some((char) => mask.startsWith(char) || mask.endsWith(char)) || mask.includes(spelling),
    );
  if (!clashes(PREFERRED_MASK)) return PREFERRED_MASK;
  // A run of one character no secret contains can never be part of an occurrence.
  for (let code = 0x2588; ; code++) {
    const char = String.fromCodePoint(code);
    if (!spellings.some((spelling) => spelling.includes(char))) return char.repeat(3);
  }
}

export function createRedactor(getSecrets: () => readonly string[]): Redactor {
  return {
    redact(text) {
      const spellings = [
        ...new Set(
          getSecrets()
            .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
            .flatMap(spellingsOf),
        ),
      ];
      if (spellings.length === 0) return text;

      // Mark every character inside any occurrence (overlapping ones included), then mask each marked run
      // once: no unmarked stretch of the original can hold a whole occurrence.
      const hidden = new Uint8Array(text.length);
      let found = false;
      for (const spelling of spellings) {
        for (let at = text.indexOf(spelling); at !== -1; at = text.indexOf(spelling, at + 1)) {
          hidden.fill(1, at, at + spelling.length);
          found = true;
        }
      }
      if (!found) return text;

      const mask = maskFor(spellings);
      let out = '';
      for (let i = 0; i < text.length; i++) {
        if (!hidden[i]) out += text[i];
        else if (i === 0 || !hidden[i - 1]) out += mask;
      }
      return out;
    },
  };
}
