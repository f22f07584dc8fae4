import { useCallback, useEffect, useState } from 'react';
import type { LayoutFrame } from '../../../shared/layout/types';

/**
 * Width over height of the whole pictures the layout crops, learnt by
 * loading each once in the browser (the same file the page view draws).
 * A crop can be placed only once its picture's proportions are known.
 */
export function usePictureAspects(frames: LayoutFrame[], url: (pictureId: string) => string): (pictureId: string) => number | null {
  const [aspects, setAspects] = useState<ReadonlyMap<string, number>>(new Map());
  const wanted = [...new Set(frames.flatMap((f) => (f.kind === 'picture' ? [f.pictureId] : f.kind === 'story' && f.picture ? [f.picture.pictureId] : [])))].sort().join(' ');
  useEffect(() => {
    let live = true;
    for (const id of wanted ? wanted.split(' ') : []) {
      if (aspects.has(id)) continue;
      const img = new Image();
      img.onload = () => {
        if (live && img.naturalWidth > 0 && img.naturalHeight > 0) setAspects((m) => new Map(m).set(id, img.naturalWidth / img.naturalHeight));
      };
      img.src = url(id);
    }
    return () => {
      live = false;
    };
  }, [wanted, aspects, url]);
  return useCallback((id: string) => aspects.get(id) ?? null, [aspects]);
}
