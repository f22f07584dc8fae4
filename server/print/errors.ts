/** A render refused for a reason a person can fix (bad edition, missing file). */
export class PrintError extends Error {
  override name = 'PrintError';
}
