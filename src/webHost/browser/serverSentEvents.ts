export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Reads the text/event-stream format piece by piece, as it arrives over fetch: `event:` and `data:` lines,
 * a blank line ending each event, comments (`:`) ignored. EventSource would do this too, but it cannot
 * send an Authorization header, and a token in its URL would end up in logs and history.
 */
export function createEventStreamParser(onEvent: (event: ServerSentEvent) => void) {
  let buffer = '';
  let event = 'message';
  let data: string[] = [];

  function line(text: string): void {
    if (text === '') {
      if (data.length > 0) onEvent({ event, data: data.join('\n') });
      event = 'message';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /u, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }

  return {
    push(chunk: string): void {
      buffer += chunk;
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/u);
        // A lone \r at the end may be the first half of \r\n: wait for the next piece.
        if (end === -1 || (end === buffer.length - 1 && buffer.endsWith('\r'))) return;
        const breakLength = buffer.startsWith('\r\n', end) ? 2 : 1;
        line(buffer.slice(0, end));
        buffer = buffer.slice(end + breakLength);
      }
    },
  };
}
