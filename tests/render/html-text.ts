import { decodeHTML } from 'entities';

/** The text a reader sees in HTML: tags removed, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  const body = html.replace(/<head[\s\S]*?<\/head>/i, '').replace(/<!--[\s\S]*?-->/g, '');
  const blocksSeparated = body.replace(/<(br|\/?(p|div|h[1-6]|li|ul|ol|td|tr|table|section|article|header|footer|nav|main|title))\b[^>]*>/gi, ' ');
  return decodeHTML(blocksSeparated.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

/** Checks shared by every HTML format: nothing executable survived the hostile item. */
export function executableParts(html: string): string[] {
  const found: string[] = [];
  // A JSON-LD block is data, not code (its JSON is escaped so that no `</script>` can end it early).
  if (/<script(?!\s+type="application\/ld\+json">)/i.test(html)) found.push('<script>');
  if (/<iframe/i.test(html)) found.push('<iframe>');
  if (/\son[a-z]+\s*=/i.test(html)) found.push('event handler attribute');
  if (/javascript:/i.test(html)) found.push('javascript: URL');
  if (/display: none \}/.test(html)) found.push('the hostile <style> content');
  return found;
}
