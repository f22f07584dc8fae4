import type { RuleOutcome } from './approvalRule';
import type { WordDiff } from './wordDiff';

/**
 * The nouns of collective work as they travel between server and client:
 * tasks (responsibilities), who holds and learns them, reviews of a version,
 * notifications and checkpoints. Pure types, no runtime code.
 */

export const TASK_KINDS = ['write', 'translate', 'edit', 'picture', 'layout', 'proofread', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['open', 'taken', 'in_review', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const SUBJECT_TYPES = ['version', 'picture', 'page', 'edition'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export type TaskRole = 'holder' | 'learner';
export type OfferKind = 'propose' | 'handoff';

export interface PersonRef {
  id: string;
  displayName: string;
}

/**
 * What a task is about, with the facts a screen needs to name it in either
 * language (the client words the label, the server does not).
 */
export interface TaskSubject {
  type: SubjectType;
  id: string;
  /** Page subjects: the page number within the edition. */
  page?: number;
  articleId?: string;
  articleTitle?: string;
  lang?: 'en' | 'es';
  editionId: string | null;
  editionNumber?: number;
  /** Picture subjects: the picture was deleted after the task was made (the task and its thread stay). */
  deleted?: true;
}

export interface TaskOffer {
  id: string;
  kind: OfferKind;
  from: PersonRef | null;
  to: PersonRef;
  createdAt: string;
}

export interface Task {
  id: string;
  kind: TaskKind;
  title: string;
  subject: TaskSubject;
  collectiveId: string | null;
  dueDate: string | null;
  status: TaskStatus;
  overdue: boolean;
  holders: PersonRef[];
  learners: PersonRef[];
  offers: TaskOffer[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskEvent {
  id: number;
  actor: PersonRef | null;
  event: string;
  other: PersonRef | null;
  detail: string;
  at: string;
}

export interface TaskMessage {
  id: string;
  author: PersonRef | null;
  body: string;
  createdAt: string;
}

export interface Board {
  editionId: string;
  columns: Record<TaskStatus, Task[]>;
  overdueCount: number;
}

export const VERSION_STATUSES = ['draft', 'in_discussion', 'approved', 'laid_out'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type VerdictKind = 'approve' | 'object';

export const NOTIFICATION_KINDS = [
  'mention',
  'task_proposed',
  'task_shared',
  'task_handoff',
  'approval_wanted',
  'task_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  actor: PersonRef | null;
  taskId: string | null;
  articleId: string | null;
  versionId: string | null;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** An approval or objection as members see it (GET /api/versions/:id/review). */
export interface VerdictView {
  id: string;
  member: PersonRef;
  verdict: VerdictKind;
  reason: string;
  createdAt: string;
  onCurrentText: boolean;
  /** The author is in the article's collective now, so the verdict counts toward its rule. */
  counts: boolean;
  /** Words inserted and deleted since the judged text; null when it is the current text. */
  changesSince: WordDiff | null;
}

export interface CollectiveRule {
  id: string;
  name: string;
  minApprovals: number;
  objectionBlocks: boolean;
}

export interface ReviewView {
  version: { id: string; articleId: string; lang: 'en' | 'es'; status: VersionStatus };
  collective: CollectiveRule | null;
  outcome: RuleOutcome | null;
  verdicts: VerdictView[];
}
