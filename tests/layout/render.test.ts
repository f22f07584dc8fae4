import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { memberWithCookie } from '../helpers/factories';
import { connectClient, synced } from '../collab/clients';
import { setFrameFields, addFrame, readLayout } from '../../shared/layout/doc';
import type { StoryFrame } from '../../shared/layout/types';
import { indexOfRun, pdfLines, pdfPageCount } from './pdf';
import { renderAndWait } from './renderJob';
import { fonts } from '../print/poppler';

describe('rendering the demo edition from its layout', () => {
  let server: TestServer;
  let cookie: string;
  let editionId: string;
  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    cookie = (await memberWithCookie(server.db, server.url, { role: 'member' })).cookie;
    editionId = (await api(server.url, 'GET', '/editions', { cookie })).body.editions[0].id;
    expect((await api(server.url, 'POST', `/editions/${editionId}/layouts`, { cookie, body: { lang: 'en', place: true } })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('renders with progress; every article is in its frames with the lines the desk computes; a picture without a file is reported', async () => {
    // A picture from the picture desk in the first story, and one whose file is gone in a picture frame.
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 180, g: 40, b: 40 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'march.jpg');
    const uploaded = await fetch(`${server.url}/api/pictures`, { method: 'POST', headers: { cookie }, body: form });
    expect(uploaded.status).toBe(201);
    const pictureId = ((await uploaded.json()) as { id: string }).id;
    const client = connectClient(server.url, `layout.${editionId}.en`, cookie);
    await synced(client);
    const story = readLayout(client.doc)!.frames.find((f): f is StoryFrame => f.kind === 'story' && f.pageId === 'p2')!;
    setFrameFields(client.doc, story.id, { picture: { pictureId, heightPt: 120, caption: 'Marchers on the bridge' } });
    addFrame(client.doc, { kind: 'picture', pageId: 'p3', col: 0, span: 2, y: 100, h: 150, pictureId: 'gonegonegone' });
    await new Promise((r) => setTimeout(r, 300));
    client.destroy();

    const desk = (await api(server.url, 'GET', `/editions/${editionId}/layouts/en`, { cookie })).body;
    const { job, seen, pdf } = await renderAndWait(server.url, cookie, editionId, { lang: 'en' });
    expect(job.total).toBe(8);
    expect(seen.at(-1)).toBe(8);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBeGreaterThan(1);
    expect(pdfPageCount(pdf)).toBe(8);
    // Set in the tabloid template's npm fonts, every one embedded.
    const file = path.join(server.dataDir, 'demo-en.pdf');
    fs.writeFileSync(file, pdf);
    const embedded = fonts(file);
    expect(embedded.every((f) => f.embedded)).toBe(true);
    expect(embedded.map((f) => f.name.split('+')[1])).toEqual(expect.arrayContaining(['SourceSerif4-Regular', 'SourceSans3-Bold']));

    const text = pdfLines(pdf);
    expect(text.lines).toContain('Marchers on the bridge');
    expect(job.report.articles).toHaveLength(4);
    for (const a of job.report.articles) {
      // The same lines as the desk's setting (what the browser shows), in the PDF one after another.
      const onDesk = desk.articles.find((d: { articleId: string }) => d.articleId === a.articleId);
      expect(a.lineTexts).toEqual(onDesk.lineTexts);
      expect(indexOfRun(text, a.lineTexts), a.lineTexts.slice(0, 3).join(' / ')).toBeGreaterThanOrEqual(0);
      // Or reported as over-matter: nothing disappears.
      if (a.overMatterLines > 0) expect(a.overMatterText.length).toBeGreaterThan(0);
    }
    expect(job.report.issues.map((i) => i.message.en)).toContain('The picture on page 3 has no file; the PDF shows an empty frame until it is uploaded again.');
  }, 120_000); // a whole 8-page render with pictures

  it('reports a placed picture whose file has gone missing from the disk, and still renders', async () => {
    const jpeg = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 20, g: 120, b: 60 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'gone.jpg');
    const uploaded = await fetch(`${server.url}/api/pictures`, { method: 'POST', headers: { cookie }, body: form });
    const pictureId = ((await uploaded.json()) as { id: string }).id;
    const row = server.db.prepare('SELECT original_sha256 AS sha FROM pictures WHERE id = ?').get(pictureId) as { sha: string };
    const original = path.join(server.dataDir, 'files', 'originals', row.sha.slice(0, 2), `${row.sha}.jpg`);
    expect(fs.existsSync(original)).toBe(true);
    fs.rmSync(original);
    const client = connectClient(server.url, `layout.${editionId}.en`, cookie);
    await synced(client);
    addFrame(client.doc, { kind: 'picture', pageId: 'p4', col: 0, span: 2, y: 100, h: 150, pictureId });
    await new Promise((r) => setTimeout(r, 300));
    client.destroy();
    const { job, pdf } = await renderAndWait(server.url, cookie, editionId, { lang: 'en', pages: [4] });
    expect(pdfPageCount(pdf)).toBe(1);
    expect(job.report.issues.map((i) => i.message.en)).toContain('The picture on page 4 has no file; the PDF shows an empty frame until it is uploaded again.');
  });

  it('renders one page, black only, with bleed and crop marks', async () => {
    const { job, pdf } = await renderAndWait(server.url, cookie, editionId, { lang: 'en', pages: [2], blackOnly: true, bleed: true });
    expect(job.total).toBe(1);
    expect(pdfPageCount(pdf)).toBe(1);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/TrimBox/);
    expect(raw).toMatch(/BleedBox/);
  });
});
