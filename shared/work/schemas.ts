import { z } from 'zod';
import { SUBJECT_TYPES, TASK_KINDS, TASK_STATUSES } from './types';

/**
 * Request bodies of the work API. The server validates with them; the
 * client can check before sending. None of them carries the acting member:
 * the actor is always the member of the session.
 */
export const WORK_LIMITS = {
  taskTitleChars: 200,
  messageChars: 4000,
  reasonChars: 2000,
  commentChars: 4000,
  checkpointNameChars: 120,
} as const;

const id = z.string().regex(/^[a-z2-9]{12}$/, 'is not a valid id');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real date');

export const subjectSchema = z.object({
  type: z.enum(SUBJECT_TYPES),
  /** version id, picture id, or edition id (for page and edition subjects). */
  id,
  page: z.number().int().min(1).optional(),
});

export const createTaskSchema = z.strictObject({
  kind: z.enum(TASK_KINDS),
  title: z.string().trim().max(WORK_LIMITS.taskTitleChars).optional(),
  subject: subjectSchema,
  collectiveId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  /** Pictures may belong to no edition; this puts the task on an edition's board. */
  editionId: id.optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = z.strictObject({
  title: z.string().trim().max(WORK_LIMITS.taskTitleChars).optional(),
  collectiveId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: z.enum(TASK_STATUSES).optional(),
});

/** Share: a holder brings someone in, as co-holder or as learner. */
export const shareSchema = z.strictObject({ memberId: id, role: z.enum(['holder', 'learner']) });
/** Propose or hand off: the other person must accept. */
export const offerSchema = z.strictObject({ memberId: id });

export const messageSchema = z.strictObject({ body: z.string().trim().min(1, 'is empty').max(WORK_LIMITS.messageChars) });

export const boardQuerySchema = z.object({
  kind: z.enum(TASK_KINDS).optional(),
  memberId: id.optional(),
  collectiveId: id.optional(),
});

export const verdictSchema = z.strictObject({
  verdict: z.enum(['approve', 'object']),
  reason: z.string().trim().max(WORK_LIMITS.reasonChars).optional(),
});

export const versionStatusSchema = z.strictObject({ status: z.enum(['draft', 'in_discussion', 'laid_out']) });

export const checkpointSchema = z.strictObject({
  name: z.string().trim().min(1, 'is empty').max(WORK_LIMITS.checkpointNameChars),
});

const base64 = z.string().max(2000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');

/**
 * A comment on a span of one field: either plain-text offsets within the
 * field (blocks joined by one line break) or two Yjs relative positions
 * (base64) the editor computed. The server resolves both against the text.
 */
export const commentSchema = z
  .strictObject({
    field: z.enum(['headline', 'deck', 'byline', 'body']),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    start: base64.optional(),
    end: base64.optional(),
    body: z.string().trim().min(1, 'is empty').max(WORK_LIMITS.commentChars),
  })
  .refine((c) => (c.from !== undefined && c.to !== undefined) !== (c.start !== undefined && c.end !== undefined), {
    message: 'give either from and to, or start and end',
    path: ['anchor'],
  });

export const replySchema = z.strictObject({
  body: z.string().trim().min(1, 'is empty').max(WORK_LIMITS.commentChars),
});
