/**
 * The URL when it is an absolute `http:` or `https:` URL, else undefined. Only such a URL
 * becomes a link: a `javascript:` or `data:` URL from a broken or hostile backend (or a
 * hand-made property value) is shown as text, never as an `href`.
 */
export function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
