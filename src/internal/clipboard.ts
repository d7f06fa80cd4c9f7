/**
 * Copies text: the async Clipboard API, else a selected textarea and `execCommand('copy')`
 * (older browsers, or pages whose permissions policy blocks the clipboard).
 */
export async function copyText(text: string, root: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const active = (root as ShadowRoot).activeElement ?? document.activeElement;
  const area = document.createElement('textarea');
  area.value = text; // a property, never an attribute
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;inset-inline-start:-9999px;inset-block-start:0;opacity:0';
  root.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  (active as HTMLElement | null)?.focus?.();
  return ok;
}
