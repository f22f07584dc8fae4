import { z } from 'zod';
import { displayName, id, newLogin, newPassword, role } from '../fields';

export const acceptLinkBody = z.strictObject({
  login: newLogin.optional(),
  displayName: displayName.optional(),
  password: newPassword,
});

export const createInviteBody = z.strictObject({
  role,
  collectiveIds: z.array(id).max(50, 'must list at most 50 collectives').optional(),
});
