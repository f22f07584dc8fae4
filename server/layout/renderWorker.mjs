// The render worker's entry (see runWorker.mjs for why it is JavaScript).
import { runWorker } from './runWorker.mjs';

await runWorker('renderWorker');
