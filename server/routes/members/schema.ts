import { z } from 'zod';
import { byline, displayName, role } from '../fields';

export const patchMemberBody = z.strictObject({
  role: role.optional(),
  displayName: displayName.optional(),
  defaultByline: byline.optional(),
  disabled: z.boolean('must be true or false').optional(),
});
