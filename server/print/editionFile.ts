/**
 * Reading a reference-format edition file: its JSON checked against the
 * format, the error naming the file or the field at fault. Apart from the
 * renderer, so that importing an edition into Galley does not load pdfkit.
 */
import fs from 'node:fs';
import { parseReferenceEdition, type ReferenceEdition } from '../../shared/typeset/index';
import { PrintError } from './errors';

export function readEdition(file: string): ReferenceEdition {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new PrintError(`edition file not found: ${file}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PrintError(`edition file ${file} is not JSON: ${(err as Error).message}`);
  }
  try {
    return parseReferenceEdition(data);
  } catch (err) {
    throw new PrintError((err as Error).message);
  }
}
