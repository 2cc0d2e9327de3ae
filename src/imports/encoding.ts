// Which bytes a CSV import arrives in. "CSV UTF-8" from Excel starts with a byte-order mark; "Unicode Text"
// is UTF-16LE with one; plain "CSV" from Excel on a Persian Windows is Windows-1256, without any mark.

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; status: 415 | 422; path: string; problem: string };

const SUPPORTED = 'send UTF-8 (Excel: "CSV UTF-8"), UTF-16 with a byte-order mark, or Windows-1256';

/**
 * Decodes an import by its byte-order mark, else by the declared charset, else as UTF-8 when it is valid
 * UTF-8 and as Windows-1256 otherwise. Spreadsheet workbooks and other binary files are refused by name.
 */
export async function decodeCsv(bytes: Uint8Array, charset: string | undefined): Promise<Decoded> {
  const bom = bomOf(bytes);
  if (bom) return decode(bytes, bom, 'body');
  if (charset) {
    let label: string;
    try {
      label = new TextDecoder(charset).encoding;
    } catch {
      return { ok: false, status: 415, path: 'content-type', problem: `charset "${charset.slice(0, 40)}" is not one this import reads; ${SUPPORTED}` };
    }
    return decode(bytes, label, 'content-type');
  }
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, status: 415, path: 'body', problem: `this is ${binary}, not a CSV file; ${SUPPORTED}` };
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return decode(bytes, utf16, 'body');
  // Text never holds a zero byte; UTF-8 would accept it, and the header would then read as nonsense.
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, status: 415, path: 'body', problem: `this is not text (it holds zero bytes); ${SUPPORTED}` };
  const utf8 = await decode(bytes, 'utf-8', 'body');
  return utf8.ok ? utf8 : decode(bytes, 'windows-1256', 'body');
}

/** The body of a JSON import as text (UTF-8, as JSON is), decoded without holding the event loop. */
export async function utf8Text(bytes: Uint8Array): Promise<string> {
  return inSlices(new TextDecoder('utf-8'), bytes);
}

// Decoding 20 MB in one call holds the event loop for 50-200 ms; a streaming decoder takes it a megabyte at a
// time and gives the loop back in between (a character split between two slices is kept whole).
async function inSlices(decoder: TextDecoder, bytes: Uint8Array): Promise<string> {
  let text = '';
  for (let i = 0; i < bytes.length; i += 1 << 20) {
    text += decoder.decode(bytes.subarray(i, i + (1 << 20)), { stream: true });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return text + decoder.decode();
}

async function decode(bytes: Uint8Array, encoding: string, path: string): Promise<Decoded> {
  try {
    // fatal: bytes that are not valid in the encoding are refused rather than stored as U+FFFD.
    return { ok: true, text: await inSlices(new TextDecoder(encoding, { fatal: true }), bytes), encoding };
  } catch {
    const hint = encoding === 'utf-8' ? ' (Excel\'s plain "CSV" on a Persian system is Windows-1256: send it without a charset to have it recognized)' : '';
    return { ok: false, status: 422, path, problem: `the file is not valid ${encoding}${hint}` };
  }
}

function bomOf(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A header of ASCII column names saved as UTF-16 without a mark has a zero byte beside every letter. */
function utf16WithoutMark(b: Uint8Array): string | undefined {
  if (b.length < 4 || b.length % 2) return undefined;
  const head = b.subarray(0, Math.min(b.length, 64));
  const zeroAt = (parity: number) => head.every((v, i) => (i % 2 === parity) === (v === 0));
  return zeroAt(1) ? 'utf-16le' : zeroAt(0) ? 'utf-16be' : undefined;
}

function binaryKind(b: Uint8Array): string | undefined {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'a zip file (an .xlsx workbook?)';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'an Excel 97–2003 workbook (.xls)';
  return undefined;
}
