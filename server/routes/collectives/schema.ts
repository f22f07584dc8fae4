import { z } from 'zod';
import { LIMITS } from '../../../shared/limits';
import { requiredText } from '../fields';

const minApprovals = z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20');
const objectionBlocks = z.boolean('must be true or false');

export const createCollectiveBody = z.strictObject({
  name: requiredText(LIMITS.collectiveNameChars),
  minApprovals: minApprovals.optional(),
  objectionBlocks: objectionBlocks.optional(),
});

export const patchCollectiveBody = z.strictObject({
  name: requiredText(LIMITS.collectiveNameChars).optional(),
  minApprovals: minApprovals.optional(),
  objectionBlocks: objectionBlocks.optional(),
});
