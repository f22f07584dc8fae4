import { ApiError, request } from '../api';
import type { Picture, PicturePatch } from '../../../shared/pictures/picture';
import type { Recipe } from '../../../shared/pictures/recipe';

/** The {error} message of a refusal (uploads go through XMLHttpRequest for their progress bar). */
function errorText(data: unknown, fallback: string): string {
  return data && typeof data === 'object' && 'error' in data && typeof data.error === 'string' ? data.error : fallback;
}

/** The picture desk's API (server/pictures/routes.ts), typed with the shared types. */
export const picturesApi = {
  list: (filter: { editionId?: string; articleId?: string } = {}) => {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
    return request<{ pictures: Picture[] }>('GET', `/pictures${query ? `?${query}` : ''}`).then((r) => r.pictures);
  },
  get: (id: string) => request<Picture>('GET', `/pictures/${id}`),
  patch: (id: string, patch: PicturePatch) => request<Picture>('PATCH', `/pictures/${id}`, patch),
  saveRecipe: (id: string, recipe: Recipe) => request<Picture>('PUT', `/pictures/${id}/recipe`, recipe),
  undo: (id: string) => request<Picture>('POST', `/pictures/${id}/recipe/undo`),
  redo: (id: string) => request<Picture>('POST', `/pictures/${id}/recipe/redo`),
  /** 409 while a layout frame places the picture; 403 for a contributor's delete of someone else's upload. */
  remove: (id: string) => request<void>('DELETE', `/pictures/${id}`),
  placements: (id: string) => request<{ placements: PicturePlacement[] }>('GET', `/pictures/${id}/placements`).then((r) => r.placements),
};

/** A page that places a picture, as server/pictures/placements.ts reads it from the layouts. */
export interface PicturePlacement {
  editionId: string;
  editionNumber: number | null;
  lang: 'en' | 'es';
  /** 1-based, as the layout desk numbers pages. */
  page: number;
}

/** Rendition addresses carry the recipe id, so a changed recipe is never shown from the browser's cache. */
export function renditionUrl(picture: Pick<Picture, 'id' | 'recipeId'>, kind: 'print' | 'web' | 'thumb', query = ''): string {
  return `/api/pictures/${picture.id}/renditions/${kind}?v=${picture.recipeId}${query ? `&${query}` : ''}`;
}

/**
 * Uploads one file with XMLHttpRequest, whose upload progress events fetch
 * does not offer; `onProgress` gets the fraction sent (0..1).
 */
export function uploadPicture(
  file: File,
  opts: { editionId?: string; articleId?: string; onProgress: (fraction: number) => void },
): Promise<Picture> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/pictures');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) opts.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(xhr.response as Picture);
      else reject(new ApiError(xhr.status, errorText(xhr.response, xhr.statusText)));
    };
    // The TypeError is what fetch gives when the server cannot be reached; the app explains it the same way.
    xhr.onerror = () => reject(new TypeError('network'));
    const form = new FormData();
    if (opts.editionId) form.append('editionId', opts.editionId);
    if (opts.articleId) form.append('articleId', opts.articleId);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
