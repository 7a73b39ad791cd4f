/**
 * Cut a feed that a strict parser rejects into one small document per complete entry: the feed's header
 * (everything before the first entry), the entry, and closing tags for the header's open elements.
 * `started` counts entries begun, so a truncated last entry shows up as lost.
 */
export function salvageEntryDocuments(text: string): { documents: string[]; started: number } {
  const first = text.search(/<(item|entry)[\s>]/);
  if (first < 0) return { documents: [], started: 0 };
  const header = text.slice(0, first);
  const closers = openElements(header).reverse().map((name) => `</${name}>`).join('');
  const entries = text.slice(first).match(/<(item|entry)[\s>][\s\S]*?<\/\1\s*>/g) ?? [];
  const started = (text.slice(first).match(/<(item|entry)[\s>]/g) ?? []).length;
  return { documents: entries.map((entry) => header + entry + closers), started };
}

/** Names of the elements still open at the end of `xml`, outermost first. */
function openElements(xml: string): string[] {
  const stack: string[] = [];
  const tags = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>/g, '');
  for (const match of tags.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^>"'])*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.lastIndexOf(name!) >= 0) stack.length = stack.lastIndexOf(name!);
  }
  return stack;
}
