// exceljs stamps every file inside the workbook's zip with the time it was written, so the same figures
// gave different bytes on every download and a client's If-None-Match never matched. This sets every
// entry's DOS time and date to one fixed value, walking the central directory (not searching the bytes).

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** 1980-01-01 00:00, the start of the DOS calendar: a time that carries nothing. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export function withFixedZipTimes(zip: Buffer): Buffer {
  // The end-of-central-directory record is the last 22 bytes unless the archive has a comment.
  let eocd = -1;
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p--)
    if (zip.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  if (eocd < 0) return zip;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries && p + 46 <= zip.length && zip.readUInt32LE(p) === CENTRAL; i++) {
    zip.writeUInt16LE(DOS_TIME, p + 12);
    zip.writeUInt16LE(DOS_DATE, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (local + 30 <= zip.length && zip.readUInt32LE(local) === LOCAL) {
      zip.writeUInt16LE(DOS_TIME, local + 10);
      zip.writeUInt16LE(DOS_DATE, local + 12);
    }
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
