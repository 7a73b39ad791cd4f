/** A feed's bytes as text, the encoding used and anything odd about how it was declared. */
export interface DecodedFeed {
  text: string;
  /** The WHATWG name of the encoding used, such as "utf-8" or "windows-1251". */
  encoding: string;
  flaws: string[];
}

/**
 * Decode a feed. A UTF-16 or UTF-8 byte order mark decides; otherwise bytes that are valid UTF-8 are read
 * as UTF-8 whatever the declarations say (a wrong declaration is the common mistake). Failing that, the
 * charset of the Content-Type header, then the XML declaration's encoding; with neither, a guess between
 * windows-1251, KOI8-R and windows-1252 from the letter frequencies, reported as a flaw.
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decoder(bom)!.decode(bytes), encoding: bom, flaws: [] };
  const declared = [charsetOfContentType(contentType), charsetOfXmlDeclaration(bytes)].filter((label): label is string => Boolean(label));
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) {
    const wrong = declared.find((label) => decoder(label)?.encoding !== 'utf-8');
    const flaws = wrong && /[^\x00-\x7f]/.test(utf8) ? [`declared as ${wrong} but the bytes are UTF-8; read as UTF-8`] : [];
    return { text: utf8, encoding: 'utf-8', flaws };
  }
  for (const label of declared) {
    const chosen = decoder(label);
    if (chosen && chosen.encoding !== 'utf-8') return { text: chosen.decode(bytes), encoding: chosen.encoding, flaws: [] };
  }
  const guess = guessEncoding(bytes);
  const why = declared.length > 0 ? `declared as ${declared.join(' / ')} but not valid in it` : 'no encoding declared and not UTF-8';
  return { text: decoder(guess)!.decode(bytes), encoding: guess, flaws: [`${why}; read as ${guess} (a guess)`] };
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function decoder(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined;
  }
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function charsetOfContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function charsetOfXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
}

/** Russian text is mostly lower case: windows-1251 puts those letters at 0xE0-0xFF, KOI8-R at 0xC0-0xDF. */
function guessEncoding(bytes: Uint8Array): string {
  let high = 0;
  let upperBlock = 0;
  let lowerBlock = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    high += 1;
    if (byte >= 0xe0) upperBlock += 1;
    else if (byte >= 0xc0) lowerBlock += 1;
  }
  if (high === 0 || (upperBlock + lowerBlock) / high < 0.7) return 'windows-1252';
  return upperBlock >= lowerBlock ? 'windows-1251' : 'koi8-r';
}
