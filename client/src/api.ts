import type { Lang } from '../../shared/languages';

/** What the server says about a member (a whitelist: never a password hash). */
export type Role = 'admin' | 'member' | 'contributor';
export interface Member {
  id: string;
  login: string;
  displayName: string;
  defaultByline: string;
  role: Role;
  uiLang: Lang;
}

export type EditionStatus = 'planning' | 'production' | 'proofing' | 'published';
export interface VersionSummary {
  id: string;
  lang: Lang;
  docName: string;
  status: string;
  sourceVersionId: string | null;
}
export interface ArticleSummary {
  id: string;
  title: string;
  section: string;
  editionId: string | null;
  collectiveId: string | null;
  archivedAt: string | null;
  versions: VersionSummary[];
}
export interface Edition {
  id: string;
  number: number;
  title: string;
  date: string | null;
  languages: Lang[];
  pageCount: number;
  status: EditionStatus;
  archivedAt: string | null;
  articles?: ArticleSummary[];
}
export interface AccessLinkInfo {
  kind: 'setup' | 'invite';
  role: Role;
  login?: string;
  displayName?: string;
}

/** A refusal from the server, carrying its HTTP status and its message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Called when any request answers 401, so the app can return to the login page. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** A JSON request to /api; every screen's API module goes through it, so a 401 anywhere returns to the login. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message =
      data && typeof data === 'object' && 'error' in data && typeof data.error === 'string'
        ? data.error
        : res.statusText;
    // A 401 on the login request itself is a wrong password, not an expired session.
    if (res.status === 401 && path !== '/session') onUnauthorized?.();
    throw new ApiError(res.status, message);
  }
  return data as T;
}

export const api = {
  me: () => request<{ member: Member }>('GET', '/me'),
  updateMe: (patch: Partial<Pick<Member, 'displayName' | 'defaultByline' | 'uiLang'>>) =>
    request<{ member: Member }>('PATCH', '/me', patch),
  login: (login: string, password: string) => request<{ member: Member }>('POST', '/session', { login, password }),
  logout: () => request<void>('DELETE', '/session'),

  accessLink: (token: string) => request<AccessLinkInfo>('GET', `/access-links/${encodeURIComponent(token)}`),
  useAccessLink: (token: string, body: { login?: string; displayName?: string; password: string }) =>
    request<{ member: Member }>('POST', `/access-links/${encodeURIComponent(token)}`, body),

  invite: (role: Role) => request<{ url: string; expiresAt: string }>('POST', '/invites', { role }),
  members: () => request<unknown>('GET', '/members').then(listOf<Member>('members')),

  editions: (archived = false) =>
    request<unknown>('GET', `/editions${archived ? '?archived=1' : ''}`).then(listOf<Edition>('editions')),
  edition: (id: string) => request<unknown>('GET', `/editions/${id}`).then(unwrap<Edition>('edition')),
  createEdition: (body: { number: number; title: string; date?: string }) =>
    request<unknown>('POST', '/editions', body).then(unwrap<Edition>('edition')),
  updateEdition: (id: string, patch: { title?: string; archived?: boolean; pageCount?: number }) =>
    request<unknown>('PATCH', `/editions/${id}`, patch).then(unwrap<Edition>('edition')),

  article: (id: string) => request<unknown>('GET', `/articles/${id}`).then(unwrap<ArticleSummary>('article')),
  createArticle: (body: { title: string; editionId?: string; languages?: Lang[] }) =>
    request<unknown>('POST', '/articles', body).then(unwrap<ArticleSummary>('article')),
  updateArticle: (id: string, patch: { title?: string; archived?: boolean }) =>
    request<unknown>('PATCH', `/articles/${id}`, patch).then(unwrap<ArticleSummary>('article')),
};

/**
 * The contract names the resources but not whether lists and single objects
 * arrive bare or wrapped ({editions: [...]}, {edition: {...}}); accept both so
 * the client does not break on that detail.
 */
function listOf<T>(key: string) {
  return (data: unknown): T[] => {
    if (Array.isArray(data)) return data as T[];
    const inner = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
    return Array.isArray(inner) ? (inner as T[]) : [];
  };
}
function unwrap<T>(key: string) {
  return (data: unknown): T => {
    const inner = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
    return (inner && typeof inner === 'object' ? inner : data) as T;
  };
}
