import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Lang } from '../../../shared/languages';
import { articleDocName, layoutDocName } from '../../../shared/docNames';
import { readArticle } from '../../../shared/editor/content';
import { readLayout } from '../../../shared/layout/doc';
import { placedArticleIds } from '../../../shared/layout/plan';
import type { ArticleCopy, LayoutData } from '../../../shared/layout/types';

function collabUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collab`;
}

/** What one member shows the others on the desk. */
export interface Presence {
  name: string;
  color: string;
  /** The frame they have selected, in which language's layout. */
  selection: { lang: Lang; frameId: string } | null;
}

const COLORS = ['#d9480f', '#2b8a3e', '#5f3dc4', '#c2255c', '#1971c2', '#e67700'];

/**
 * The live documents of the layout desk: each language's layout, and every
 * article placed in it, all over y-websocket. The article documents are the
 * writers' own, so the copyfit follows their typing; the desk only reads them.
 * Listeners hear about any change; `copies` keeps unchanged articles' copy
 * objects identical, so the layout setter re-sets only what changed.
 */
export class DeskSession {
  readonly layouts = new Map<Lang, { doc: Y.Doc; provider: WebsocketProvider }>();
  private readonly articles = new Map<string, { doc: Y.Doc; provider: WebsocketProvider; copy: ArticleCopy | null }>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private scheduled = false;

  constructor(
    readonly editionId: string,
    readonly langs: Lang[],
    me: { id: string; name: string },
  ) {
    const color = COLORS[[...me.id].reduce((n, c) => n + c.charCodeAt(0), 0) % COLORS.length]!;
    for (const lang of langs) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(collabUrl(), layoutDocName(editionId, lang), doc, { disableBc: true });
      provider.awareness.setLocalState({ name: me.name, color, selection: null } satisfies Presence);
      doc.on('update', () => this.changed());
      provider.awareness.on('change', () => this.changed());
      provider.on('sync', () => this.changed());
      this.layouts.set(lang, { doc, provider });
    }
  }

  /** Coalesces bursts of updates (a sync, a fast typist) into one redraw per frame. */
  private changed(): void {
    this.version++;
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      for (const l of this.listeners) l();
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  synced(lang: Lang): boolean {
    return this.layouts.get(lang)?.provider.synced ?? false;
  }

  layout(lang: Lang): LayoutData | null {
    const l = this.layouts.get(lang);
    return l ? readLayout(l.doc) : null;
  }

  doc(lang: Lang): Y.Doc {
    return this.layouts.get(lang)!.doc;
  }

  /** The copies of the articles a layout places; opens the ones not open yet. */
  copies(layout: LayoutData): Map<string, ArticleCopy | null> {
    const out = new Map<string, ArticleCopy | null>();
    for (const id of placedArticleIds(layout.frames)) {
      const key = `${id}.${layout.lang}`;
      let entry = this.articles.get(key);
      if (!entry) {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(collabUrl(), articleDocName(id, layout.lang), doc, { disableBc: true });
        const made = { doc, provider, copy: null as ArticleCopy | null };
        doc.on('update', () => {
          made.copy = toCopy(doc);
          this.changed();
        });
        // 4404: the article is gone (deleted while placed): its frame stays, empty, with a message.
        provider.on('connection-close', (event) => {
          if (event && event.code >= 4400 && event.code < 4500) provider.disconnect();
        });
        this.articles.set(key, made);
        entry = made;
      }
      out.set(id, entry.copy);
    }
    return out;
  }

  select(lang: Lang, frameId: string | null): void {
    for (const [l, { provider }] of this.layouts) {
      provider.awareness.setLocalStateField('selection', frameId && l === lang ? { lang, frameId } : null);
    }
  }

  /** Other members' presence on this desk. */
  others(): Presence[] {
    const out: Presence[] = [];
    // Each language's document has its own client id: all of them are me.
    const mine = new Set([...this.layouts.values()].map((l) => l.provider.awareness.clientID));
    const seen = new Set<number>();
    for (const { provider } of this.layouts.values()) {
      for (const [id, state] of provider.awareness.getStates()) {
        if (mine.has(id) || seen.has(id) || !state || !('name' in state)) continue;
        const p = state as Presence;
        if (p.selection || !out.some((o) => o.name === p.name)) {
          out.push(p);
          seen.add(id);
        }
      }
    }
    return out;
  }

  destroy(): void {
    for (const { provider, doc } of [...this.layouts.values(), ...this.articles.values()]) {
      provider.destroy();
      doc.destroy();
    }
    this.listeners.clear();
  }
}

function toCopy(doc: Y.Doc): ArticleCopy | null {
  const text = readArticle(doc);
  if (!text.headline && text.body.length === 0) return null;
  return { headline: text.headline, byline: text.byline, blocks: text.body.map((b) => ({ type: b.type, text: b.text })) };
}
