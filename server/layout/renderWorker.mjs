// The render worker's entry. Plain JavaScript, because a worker thread does
// not inherit the loader hooks that let the server run TypeScript: tsx's
// API loads the TypeScript worker (renderWorker.ts) itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./renderWorker.ts', import.meta.url);
