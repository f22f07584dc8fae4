// The collective-work API (server/work/*), typed with the shared types.
import { request } from '../api';
import type { ArticleText } from '../../../shared/editor/content';
import type { RuleOutcome } from '../../../shared/work/approvalRule';
import type { KindSummary } from '../../../shared/work/whoDoesWhat';
import type { WordDiff } from '../../../shared/work/wordDiff';
import type {
  AppNotification,
  Board,
  PersonRef,
  Task,
  TaskEvent,
  TaskKind,
  TaskMessage,
  TaskStatus,
  ReviewView,
  VerdictKind,
  VerdictView,
  VersionStatus,
} from '../../../shared/work/types';
export type { VerdictView };

export type Review = ReviewView;
export interface Decision {
  id: number;
  lang: 'en' | 'es' | null;
  member: PersonRef | null;
  action: string;
  detail: string;
  at: string;
}
export interface Checkpoint {
  id: string;
  kind: 'auto' | 'named';
  name: string;
  wordCount: number;
  createdBy: PersonRef | null;
  createdAt: string;
}
export interface CommentReply {
  id: string;
  author: PersonRef | null;
  body: string;
  createdAt: string;
}
export interface CommentThread extends CommentReply {
  field: 'headline' | 'deck' | 'byline' | 'body';
  anchor: { from: number; to: number; quote: string } | null;
  originalQuote: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  replies: CommentReply[];
}
export interface Collective {
  id: string;
  name: string;
}

const q = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

export const workApi = {
  board: (editionId: string, filter: { kind?: string; memberId?: string; collectiveId?: string }) =>
    request<{ board: Board }>('GET', `/editions/${editionId}/board${q(filter)}`).then((r) => r.board),
  myTasks: () => request<{ holding: Task[]; learning: Task[]; offered: Task[] }>('GET', '/me/tasks'),
  task: (id: string) => request<{ task: Task; events: TaskEvent[] }>('GET', `/tasks/${id}`),
  createTask: (body: {
    kind: TaskKind;
    title?: string;
    subject: { type: 'version' | 'page' | 'edition'; id: string; page?: number };
    dueDate?: string | null;
    collectiveId?: string | null;
  }) => request<{ task: Task }>('POST', '/tasks', body).then((r) => r.task),
  act: (id: string, action: 'take' | 'learn' | 'leave') => request<{ task: Task }>('POST', `/tasks/${id}/${action}`),
  share: (id: string, memberId: string, role: 'holder' | 'learner') =>
    request<{ task: Task }>('POST', `/tasks/${id}/share`, { memberId, role }),
  offer: (id: string, kind: 'propose' | 'handoff', memberId: string) =>
    request<{ task: Task }>('POST', `/tasks/${id}/${kind}`, { memberId }),
  answer: (offerId: string, answer: 'accept' | 'decline' | 'withdraw') =>
    request<{ task: Task }>('POST', `/task-offers/${offerId}/${answer}`),
  setStatus: (id: string, status: TaskStatus) => request<{ task: Task }>('PATCH', `/tasks/${id}`, { status }),
  messages: (id: string) => request<{ messages: TaskMessage[] }>('GET', `/tasks/${id}/messages`).then((r) => r.messages),
  post: (id: string, body: string) => request<unknown>('POST', `/tasks/${id}/messages`, { body }),

  whoDoesWhat: () => request<{ kinds: KindSummary[] }>('GET', '/who-does-what').then((r) => r.kinds),
  notifications: () => request<{ notifications: AppNotification[]; unread: number }>('GET', '/notifications'),
  unread: () => request<{ unread: number }>('GET', '/notifications/unread-count').then((r) => r.unread),
  markRead: (id: string) => request<unknown>('POST', `/notifications/${id}/read`),
  markAllRead: () => request<unknown>('POST', '/notifications/read-all'),

  versionTasks: (versionId: string) => request<{ tasks: Task[] }>('GET', `/versions/${versionId}/tasks`).then((r) => r.tasks),
  review: (versionId: string) => request<{ review: Review }>('GET', `/versions/${versionId}/review`).then((r) => r.review),
  verdict: (versionId: string, verdict: VerdictKind, reason?: string) =>
    request<{ review: Review }>('POST', `/versions/${versionId}/verdicts`, { verdict, ...(reason ? { reason } : {}) }),
  withdraw: (versionId: string) => request<{ review: Review }>('DELETE', `/versions/${versionId}/verdicts/mine`),
  versionStatus: (versionId: string, status: 'draft' | 'in_discussion' | 'laid_out') =>
    request<{ review: Review }>('PUT', `/versions/${versionId}/status`, { status }),
  decisions: (articleId: string) => request<{ decisions: Decision[] }>('GET', `/articles/${articleId}/decisions`).then((r) => r.decisions),

  checkpoints: (versionId: string) =>
    request<{ checkpoints: Checkpoint[]; autoEveryMinutes: number }>('GET', `/versions/${versionId}/checkpoints`),
  nameVersion: (versionId: string, name: string) => request<unknown>('POST', `/versions/${versionId}/checkpoints`, { name }),
  checkpoint: (id: string) => request<{ checkpoint: Checkpoint; text: ArticleText }>('GET', `/checkpoints/${id}`),
  compare: (id: string) => request<{ diff: WordDiff }>('GET', `/checkpoints/${id}/compare`).then((r) => r.diff),
  restore: (id: string) => request<{ restored: boolean }>('POST', `/checkpoints/${id}/restore`),

  comments: (versionId: string) =>
    request<{ threads: CommentThread[] }>('GET', `/versions/${versionId}/comments`).then((r) => r.threads),
  comment: (versionId: string, body: { field: string; from: number; to: number; body: string }) =>
    request<{ thread: CommentThread }>('POST', `/versions/${versionId}/comments`, body),
  reply: (threadId: string, body: string) => request<unknown>('POST', `/comments/${threadId}/replies`, { body }),
  resolve: (threadId: string, resolved: boolean) => request<unknown>('POST', `/comments/${threadId}/${resolved ? 'resolve' : 'reopen'}`),

  collectives: () => request<{ collectives: Collective[] }>('GET', '/collectives').then((r) => r.collectives),
};
