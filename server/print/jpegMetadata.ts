/**
 * Removes metadata segments from a JPEG without decoding it.
 *
 * The renderer carries plain JPEGs into the PDF as they are (decoding is the
 * slowest part of a render), but a phone photo's EXIF holds the GPS position
 * and the camera's serial number, and XMP/IPTC can hold names: none of that
 * may leave the server inside a PDF. So only the segments needed to show the
 * picture are kept: JFIF (APP0), the ICC colour profile (APP2 "ICC_PROFILE"),
 * Adobe's colour-transform flag (APP14), and the coding tables and frame
 * headers. Everything from the first scan on is copied byte for byte.
 * Returns null when the bytes are not a well-formed JPEG header.
 */
export function stripJpegMetadata(input: Buffer): Buffer | null {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) return null;
  const kept: Buffer[] = [input.subarray(0, 2)];
  let pos = 2;
  while (pos + 4 <= input.length) {
    if (input[pos] !== 0xff) return null;
    const marker = input[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      kept.push(input.subarray(pos)); // start of scan: the rest is image data
      return Buffer.concat(kept);
    }
    if (marker === 0xd9) return null; // end of image before any scan
    const length = input.readUInt16BE(pos + 2);
    const end = pos + 2 + length;
    if (length < 2 || end > input.length) return null;
    if (keepSegment(marker, input.subarray(pos + 4, end))) kept.push(input.subarray(pos, end));
    pos = end;
  }
  return null;
}

function keepSegment(marker: number, body: Buffer): boolean {
  if (marker === 0xe0) return body.toString('latin1', 0, 5) === 'JFIF\0';
  if (marker === 0xe2) return body.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return body.toString('latin1', 0, 5) === 'Adobe';
  if (marker >= 0xe1 && marker <= 0xef) return false; // EXIF, XMP, IPTC, maker notes
  if (marker === 0xfe) return false; // comments
  return true; // DQT, DHT, SOFn, DRI, DAC and the like
}
