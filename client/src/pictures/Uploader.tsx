import { useId, useRef, useState, type DragEvent } from 'react';
import { ApiError } from '../api';
import { MAX_PICTURE_BYTES } from '../../../shared/pictures/limits';
import type { Picture } from '../../../shared/pictures/picture';
import { uploadPicture } from './api';
import { usePicturesText } from './messages';

interface Upload {
  key: number;
  name: string;
  fraction: number;
  status: 'sending' | 'done' | 'failed';
  reason?: string;
}

/**
 * Drop several pictures at once (or choose them); each goes up in its own
 * request with its own progress bar, and a refusal says what to do.
 */
export function Uploader({
  editionId,
  articleId,
  onUploaded,
}: {
  editionId?: string;
  articleId?: string;
  onUploaded: (picture: Picture) => void;
}) {
  const { t } = usePicturesText();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const nextKey = useRef(0);

  const update = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const send = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = nextKey.current++;
      setUploads((list) => [...list, { key, name: file.name, fraction: 0, status: 'sending' }]);
      uploadPicture(file, { editionId, articleId, onProgress: (fraction) => update(key, { fraction }) }).then(
        (picture) => {
          update(key, { status: 'done', fraction: 1 });
          onUploaded(picture);
        },
        (err: unknown) =>
          update(key, {
            status: 'failed',
            reason: err instanceof ApiError ? err.message : t('p.upload.network'),
          }),
      );
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length) send(event.dataTransfer.files);
  };

  return (
    <section
      className={`picture-drop${over ? ' picture-drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="picture-drop"
    >
      <p>
        {t('p.upload.drop')}{' '}
        <label htmlFor={inputId} className="picture-choose">
          {t('p.upload.choose')}
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/avif,image/tiff"
          className="visually-hidden"
          onChange={(event) => {
            if (event.target.files) send(event.target.files);
            event.target.value = '';
          }}
        />
      </p>
      <p className="field-hint">{t('p.upload.hint', { mb: Math.round(MAX_PICTURE_BYTES / (1024 * 1024)) })}</p>
      {uploads.length > 0 && (
        <ul className="picture-uploads">
          {uploads.map((u) => (
            <li key={u.key} className={`picture-upload picture-upload-${u.status}`}>
              {u.status === 'failed' ? (
                <span role="alert">{t('p.upload.failed', { name: u.name, reason: u.reason ?? '' })}</span>
              ) : (
                <>
                  <span>{u.status === 'done' ? t('p.upload.done', { name: u.name }) : u.name}</span>
                  <progress
                    max={1}
                    value={u.fraction}
                    aria-label={t('p.upload.progress', { name: u.name })}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
