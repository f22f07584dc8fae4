import { z } from 'zod';
import { LIMITS } from '../../../shared/limits';
import { byline, displayName, lang } from '../fields';

export const loginBody = z.object({
  login: z.string().trim().min(1, 'must not be empty').max(LIMITS.loginChars, `must have at most ${LIMITS.loginChars} characters`),
  password: z.string().min(1, 'must not be empty').max(LIMITS.passwordMaxChars, `must have at most ${LIMITS.passwordMaxChars} characters`),
});

export const patchMeBody = z.strictObject({
  displayName: displayName.optional(),
  defaultByline: byline.optional(),
  uiLang: lang.optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().max(LIMITS.passwordMaxChars, `must have at most ${LIMITS.passwordMaxChars} characters`),
  newPassword: z.string().max(LIMITS.passwordMaxChars, `must have at most ${LIMITS.passwordMaxChars} characters`),
});
