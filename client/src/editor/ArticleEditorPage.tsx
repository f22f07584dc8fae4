import { useEffect, useState, useSyncExternalStore } from 'react';
import { articleDocName } from '../../../shared/docNames';
import { otherLang, type Lang } from '../../../shared/languages';
import { api, type ArticleSummary } from '../api';
import { ErrorNotice } from '../components/errors';
import { Loading, Notice } from '../components/ui';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useMember, useSession } from '../session';
import { ArticleConnection, type ConnectionState } from './connection';
import { FieldEditor } from './FieldEditor';
import { presenceUser } from './presence';
import { VersionWorkLinks } from '../work/routes';
import { CommentsPanel } from '../work/CommentsPanel';
import ArticlePictures from '../pictures/ArticlePictures';
import { CopyfitNote } from '../layout/CopyfitNote';
import { ArticleTranslationLinks } from '../translation/ProgressBadge';

/** /articles/<id>/<lang>: the four fields of one language version, co-edited live. */
export default function ArticleEditorPage({ articleId, lang }: { articleId: string; lang: Lang }) {
  const { t } = useI18n();
  const article = useLoad(() => api.article(articleId), articleId);
  if (article.status === 'loading') return <Loading />;
  if (article.status === 'error') {
    return (
      <main>
        <ErrorNotice error={article.error} />
      </main>
    );
  }
  const version = article.value.versions.find((v) => v.lang === lang);
  return (
    <main className="editor-page">
      <EditorHeader article={article.value} lang={lang} />
      {version ? (
        <ArticleDocument
          key={version.docName}
          articleId={articleId}
          lang={lang}
          docName={version.docName || articleDocName(articleId, lang)}
          // The server keeps archived articles read-only and drops edits to them.
          readOnly={Boolean(article.value.archivedAt)}
        />
      ) : (
        <Notice kind="error">{t('editor.noSuchVersion', { lang: t(`lang.${lang}`) })}</Notice>
      )}
      {version && <CommentsPanel versionId={version.id} />}
      <ArticlePictures articleId={articleId} editionId={article.value.editionId} />
    </main>
  );
}

function EditorHeader({ article, lang }: { article: ArticleSummary; lang: Lang }) {
  const { t } = useI18n();
  const other = otherLang(lang);
  const hasOther = article.versions.some((v) => v.lang === other);
  return (
    <div className="editor-header">
      {article.editionId && (
        <Link href={`/editions/${article.editionId}`} className="back">
          ← {t('editor.back')}
        </Link>
      )}
      <h1>
        {article.title} <span className="lang-badge">{t(`lang.${lang}`)}</span>
      </h1>
      <div className="editor-links">
        {hasOther && <Link href={`/articles/${article.id}/${other}`}>{t('editor.otherLang', { lang: t(`lang.${other}`) })}</Link>}
        <VersionWorkLinks article={article} lang={lang} />
      </div>
      <ArticleTranslationLinks article={article} />
    </div>
  );
}

interface DocumentProps {
  articleId: string;
  lang: Lang;
  docName: string;
  readOnly: boolean;
}

function ArticleDocument({ docName, ...rest }: DocumentProps) {
  // Made in an effect (not during render) so StrictMode's double mount does
  // not leave a second socket and IndexedDB handle behind.
  const [connection, setConnection] = useState<ArticleConnection | null>(null);
  useEffect(() => {
    const c = new ArticleConnection(docName);
    setConnection(c);
    return () => c.destroy();
  }, [docName]);

  if (!connection) return <Loading />;
  return <ConnectedFields connection={connection} {...rest} />;
}

function ConnectedFields({ connection, readOnly, articleId, lang }: Omit<DocumentProps, 'docName'> & { connection: ArticleConnection }) {
  const { t } = useI18n();
  const member = useMember();
  const { expired } = useSession();
  const { state, ready } = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  useEffect(() => {
    // The session ended elsewhere: back to the login, which returns here afterwards.
    if (state === 'unauthorized') expired();
  }, [state, expired]);

  if (state === 'forbidden') return <Notice kind="error">{t('editor.forbidden')}</Notice>;
  const user = presenceUser(member);
  return (
    <>
      <ConnectionStatus state={state} />
      {readOnly && <Notice kind="info">{t('editor.readOnly')}</Notice>}
      {/* Set from this live document: it follows every keystroke, anyone's. */}
      <CopyfitNote articleId={articleId} lang={lang} doc={connection.doc} />
      {ready ? (
        <div className="article-fields">
          <FieldEditor connection={connection} readOnly={readOnly} field="headline" label={t('editor.headline')} user={user} />
          <FieldEditor connection={connection} readOnly={readOnly} field="deck" label={t('editor.deck')} user={user} />
          <FieldEditor
            connection={connection}
            readOnly={readOnly}
            field="byline"
            label={t('editor.byline')}
            user={user}
            suggestion={
              member.defaultByline
                ? { text: member.defaultByline, buttonLabel: t('editor.useByline', { byline: member.defaultByline }) }
                : undefined
            }
          />
          <FieldEditor connection={connection} readOnly={readOnly} field="body" label={t('editor.body')} user={user} />
        </div>
      ) : (
        <Loading />
      )}
    </>
  );
}

const STATE_KEYS = {
  connecting: 'editor.state.connecting',
  offline: 'editor.state.offline',
  saving: 'editor.state.saving',
  connected: 'editor.state.connected',
  unauthorized: 'editor.state.offline',
  forbidden: 'editor.state.offline',
} as const satisfies Record<ConnectionState, string>;

function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <p className={`connection connection-${state}`} role="status" data-state={state}>
      <span className="connection-dot" aria-hidden="true" />
      {t(STATE_KEYS[state])}
    </p>
  );
}
