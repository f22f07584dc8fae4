import type { Request } from 'express';
import { z } from 'zod';
import { LANGS } from '../../shared/languages';
import { LIMITS } from '../../shared/limits';
import { ROLES } from '../auth/members';
import { notFound } from '../errors';

/** Field schemas shared by several routers, with messages a person understands. */
export const text = (max: number) => z.string().trim().max(max, `must have at most ${max} characters`);
export const requiredText = (max: number) => text(max).min(1, 'must not be empty');

/** Login names stay simple: they are typed on phones and read aloud. */
export const newLogin = z
  .string()
  .trim()
  .min(2, 'must have at least 2 characters')
  .max(LIMITS.loginChars, `must have at most ${LIMITS.loginChars} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may use only letters, digits, dot, dash and underscore');

export const newPassword = z
  .string()
  .max(LIMITS.passwordMaxChars, `must have at most ${LIMITS.passwordMaxChars} characters`);

export const displayName = requiredText(LIMITS.displayNameChars);
export const byline = text(LIMITS.bylineChars);
export const lang = z.enum(LANGS, 'must be "en" or "es"');
export const role = z.enum(ROLES, 'must be "admin", "member" or "contributor"');
export const id = z.string().regex(/^[a-z2-9]{12}$/, 'is not a valid id');

/** A route parameter as a string (Express types allow arrays for wildcard routes). */
export function param(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string') throw notFound();
  return value;
}

/** The address people reach this server at, as the request that asked for a link saw it. */
export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
