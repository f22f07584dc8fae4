// The typesetting worker's entry. Plain JavaScript, because a worker thread
// does not inherit the loader hooks that let the server run TypeScript:
// tsx's API loads the TypeScript worker (typesetWorker.ts) itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./typesetWorker.ts', import.meta.url);
