import type { Readable } from 'node:stream';

/** Far more than any API key: stops `key set < big-file` from reading a whole file into memory. */
const MAX_INPUT_BYTES = 4096;

/** The person pressed Ctrl-C at the prompt (raw mode turns it into a character instead of SIGINT). */
export class SecretInputCancelled extends Error {
  override readonly name = 'SecretInputCancelled';
}

interface TerminalInput extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * Reads the API key from standard input: everything piped in, or one line typed at a terminal with echo
 * off, so the key never shows on screen, in shell history or in the process list.
 */
export async function readSecretInput(stdin: TerminalInput, prompt: (text: string) => void): Promise<string> {
  if (stdin.isTTY === true && typeof stdin.setRawMode === 'function') return readHiddenLine(stdin, prompt);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new Error(`standard input is longer than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readHiddenLine(stdin: TerminalInput, prompt: (text: string) => void): Promise<string> {
  prompt('Paste your CAMB.AI API key and press Enter (it will not be shown): ');
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      stdin.setRawMode?.(false);
      stdin.off('data', onData);
      stdin.pause();
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (text: string) => {
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003') return finish(new SecretInputCancelled('cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
        if (typed.length > MAX_INPUT_BYTES) return finish(new Error('the input is too long'));
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
