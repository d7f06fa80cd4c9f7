/**
 * A streaming parser for `text/event-stream`, following the HTML standard's "event stream
 * interpretation". Used with `fetch` because `EventSource` cannot send an `Authorization`
 * header.
 */

export interface ServerSentEvent {
  /** The `event:` field; `message` when the server sent none. */
  type: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last `id:` seen on the stream so far. */
  lastEventId: string;
}

export interface EventStreamParser {
  /** Feeds decoded text; chunks may split lines (and CR LF pairs) anywhere. */
  push(text: string): void;
}

export function createEventStreamParser(onEvent: (event: ServerSentEvent) => void): EventStreamParser {
  let buffer = '';
  let first = true;
  // A chunk ending in CR may be the first half of CR LF: the LF must not end a second line.
  let skipLf = false;
  let type = '';
  let data = '';
  let hasData = false;
  let lastEventId = '';

  const line = (text: string) => {
    if (text === '') {
      // Dispatch: an event without data lines is dropped, per spec.
      if (hasData) onEvent({ type: type || 'message', data, lastEventId });
      type = '';
      data = '';
      hasData = false;
      return;
    }
    if (text.startsWith(':')) return; // comment (heartbeats)
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') {
      data = hasData ? `${data}\n${value}` : value;
      hasData = true;
    } else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    // `retry` and unknown fields are ignored: reconnecting is the caller's choice.
  };

  return {
    push(text) {
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (skipLf && text.startsWith('\n')) text = text.slice(1);
      skipLf = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(buffer.slice(start, i));
        if (c === 13) {
          if (i + 1 === buffer.length) skipLf = true;
          else if (buffer.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      // What follows the last line break waits for more text; at the end of the stream an
      // unfinished event is discarded, as the spec says.
      buffer = buffer.slice(start);
    },
  };
}

/**
 * Reads a response body to its end, calling `onEvent` for every event. Stops early (and
 * cancels the body) when `onEvent` throws or returns `false`.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerSentEvent) => boolean | void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder(); // UTF-8, as the spec requires; drops a leading BOM
  let stop = false;
  const parser = createEventStreamParser((event) => {
    if (!stop && onEvent(event) === false) stop = true;
  });
  try {
    while (!stop) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    // Frees the connection when we stop early or fail; a no-op once the stream ended.
    reader.cancel().catch(() => {});
  }
}
