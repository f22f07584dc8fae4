import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSetupLink, setupPath } from '../../server/auth/accessLinks';
import { browserAndServer, collectPageErrors, newContext, newMemberContext } from '../helpers/browser';
import { createMember } from '../helpers/factories';
import { createArticle, field, openArticle, STATUS_CONNECTED, waitForStatus, waitForTextIn } from './editorPage';

/** The screens around the editor, as a member meets them, in both languages. */
describe('login, set-up links, issues and languages in the browser', () => {
  const env = browserAndServer();

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  it('refuses a wrong password with a message, then logs in with the right one', async () => {
    const { server, browser } = env;
    const member = await createMember(server.db, { login: 'elena', displayName: 'Elena Vidal' });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await heading(page, 'Log in to Galley').waitFor();

    await page.getByLabel('Login name').fill('elena');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That login name and password do not match.' }).waitFor();

    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await heading(page, 'Issues').waitFor();
    await page.getByText('Elena Vidal').waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await heading(page, 'Log in to Galley').waitFor();
    // The session is gone on the server too: a reload stays logged out.
    await page.reload();
    await heading(page, 'Log in to Galley').waitFor();
    await context.close();
  }, 60_000);

  it('speaks the browser\'s language before login', async () => {
    const { server, browser } = env;
    const context = await newContext(browser, { locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(server.url);
    await heading(page, 'Entrar en Galley').waitFor();
    await page.getByLabel('Nombre de usuario').fill('nadie');
    await page.getByLabel('Contraseña').fill('tampoco es esta');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('alert').filter({ hasText: 'El nombre de usuario y la contraseña no coinciden.' }).waitFor();
    await context.close();
  }, 60_000);

  it('creates, renames and fills an issue, and switches every screen to Spanish and back', async () => {
    const { server, browser } = env;
    const member = await createMember(server.db, { login: 'fatima', displayName: 'Fátima Reyes' });
    const context = await newMemberContext(browser, server.url, member.login, member.password);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);

    await page.getByLabel('Title', { exact: true }).fill('Spring issue');
    await page.getByRole('button', { name: 'Create issue' }).click();
    await heading(page, 'Issue 1: Spring issue').waitFor();
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByLabel('New title').fill('Spring and strikes');
    await page.getByRole('button', { name: 'Save' }).click();
    await heading(page, 'Issue 1: Spring and strikes').waitFor();

    await page.getByLabel('Working title of a new article').fill('Library hours');
    await page.getByRole('button', { name: 'Create article' }).click();
    await page.getByRole('link', { name: 'Open the English version of Library hours' }).waitFor();
    await page.getByLabel('Working title of a new article').fill('Market prices');
    await page.getByRole('button', { name: 'Create article' }).click();
    await page.getByRole('button', { name: 'Archive Market prices' }).click();
    await expect.poll(() => page.getByText('Market prices').count()).toBe(0);
    await page.getByRole('button', { name: 'Rename Library hours' }).click();
    await page.getByLabel('New working title for Library hours').fill('Library hours cut');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Open the English version of Library hours cut' }).waitFor();

    await page.getByRole('link', { name: 'Open the English version of Library hours cut' }).click();
    await field(page, 'Body text').waitFor();
    await waitForStatus(page, STATUS_CONNECTED);

    // Settings: the interface language applies at once and is kept by the server.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language of the interface').selectOption('es');
    await heading(page, 'Ajustes').waitFor();
    await page.getByRole('link', { name: 'Números' }).waitFor();
    await page.reload();
    await heading(page, 'Ajustes').waitFor();
    await page.getByRole('link', { name: 'Números' }).click();
    await heading(page, 'Números').waitFor();
    await page.getByRole('link', { name: 'Número 1: Spring and strikes' }).click();
    await page.getByRole('link', { name: 'Abrir la versión en español de Library hours cut' }).click();
    await field(page, 'Body text').or(page.getByRole('textbox', { name: 'Cuerpo del texto' })).waitFor();
    await page.getByRole('textbox', { name: 'Titular', exact: true }).waitFor();
    await waitForStatus(page, 'Conectado: todos los cambios guardados');

    await page.getByRole('link', { name: 'Ajustes' }).click();
    await page.getByLabel('Idioma de la interfaz').selectOption('en');
    await heading(page, 'Settings').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('keeps a member\'s name and default byline, and offers the byline in the editor; archived articles open read-only', async () => {
    const { server, browser } = env;
    const member = await createMember(server.db, { login: 'jonas', displayName: 'Jonas' });
    const context = await newMemberContext(browser, server.url, member.login, member.password);
    const page = await context.newPage();
    await page.goto(`${server.url}/settings`);
    await page.getByLabel('Display name').fill('Jonas Berg');
    await page.getByLabel('Default byline').fill('By Jonas Berg, Harbour correspondent');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByText('Jonas Berg', { exact: true }).waitFor();

    const articleId = await createArticle(page, server.url, 'Ferry timetable');
    await openArticle(page, server.url, articleId);
    const useByline = page.getByRole('button', { name: 'Use my byline: By Jonas Berg, Harbour correspondent' });
    await useByline.click();
    await waitForTextIn(field(page, 'Byline'), 'By Jonas Berg, Harbour correspondent');
    await useByline.waitFor({ state: 'detached' });

    // Once archived, the article opens read-only and says why.
    const archived = await page.request.patch(`${server.url}/api/articles/${articleId}`, { data: { archived: true } });
    expect(archived.ok()).toBe(true);
    await page.reload();
    await page.getByText('This article is archived: it can be read but not changed.').waitFor();
    await waitForTextIn(field(page, 'Byline'), 'By Jonas Berg, Harbour correspondent');
    expect(await field(page, 'Body text').getAttribute('contenteditable')).toBe('false');
    await context.close();
  }, 60_000);

  it('lets a member set a password from a set-up link and logs them in', async () => {
    const { server, browser } = env;
    const member = await createMember(server.db, { login: 'gabo', displayName: 'Gabriel Soto' });
    const link = createSetupLink(server.db, member.id);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url + setupPath(link.token));
    await heading(page, 'Set up your account').waitFor();
    await page.getByText('Choose a password for the account gabo.').waitFor();

    await page.getByLabel('New password', { exact: true }).fill('a brand new secret');
    await page.getByLabel('New password again').fill('a different secret');
    await page.getByRole('button', { name: 'Save and log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The two passwords are not the same.' }).waitFor();

    await page.getByLabel('New password again').fill('a brand new secret');
    await page.getByRole('button', { name: 'Save and log in' }).click();
    await heading(page, 'Issues').waitFor();
    await page.getByText('Gabriel Soto').waitFor();

    // The link was for one use only.
    const again = await context.newPage();
    await again.goto(server.url + setupPath(link.token));
    await again.getByRole('alert').filter({ hasText: 'This link is not valid any more.' }).waitFor();
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'gabo', password: 'a brand new secret' }),
    });
    expect(login.status).toBe(200);
    await context.close();
  }, 60_000);

  it('lets an admin invite someone who chooses their own login', async () => {
    const { server, browser } = env;
    const admin = await createMember(server.db, { login: 'hana', role: 'admin', displayName: 'Hana Mori' });
    const adminContext = await newMemberContext(browser, server.url, admin.login, admin.password);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(server.url);
    await adminPage.getByRole('link', { name: 'Members' }).click();
    await adminPage.getByLabel('Role of the new person').selectOption('contributor');
    await adminPage.getByRole('button', { name: 'Create invite link' }).click();
    const inviteUrl = await adminPage.getByRole('textbox', { name: 'Invite someone' }).inputValue();
    expect(inviteUrl).toMatch(/\/setup\//);

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(inviteUrl);
    await heading(page, 'Join Galley').waitFor();
    await page.getByText('You have been invited as contributor.').waitFor();
    await page.getByLabel('Login name').fill('ines');
    await page.getByLabel('Your name as others see it').fill('Inés Campos');
    await page.getByLabel('New password', { exact: true }).fill('letters from Quito daily');
    await page.getByLabel('New password again').fill('letters from Quito daily');
    await page.getByRole('button', { name: 'Save and log in' }).click();
    await heading(page, 'Issues').waitFor();
    await page.getByText('Inés Campos').waitFor();

    await adminPage.reload();
    await adminPage.getByText('Inés Campos').waitFor();
    await Promise.all([context.close(), adminContext.close()]);
  }, 60_000);
});
