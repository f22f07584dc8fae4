/**
 * Every string of the interface, in English. The Spanish file must have the
 * same keys (its type is Messages), so a missing translation does not compile.
 * Placeholders in braces ({name}) are filled in by t().
 */
export const en = {
  'app.name': 'Galley',
  'app.loading': 'Loading…',
  'app.error': 'Something went wrong: {message}',
  'app.retry': 'Try again',

  'error.session': 'Your session has ended. Please log in again.',
  'error.forbidden': 'You are not allowed to do that.',
  'error.notFound': 'This does not exist (any more).',
  'error.tooMany': 'Too many attempts. Wait a few minutes and try again.',
  'error.server': 'The server had a problem. Try again in a moment.',
  'error.network': 'The server cannot be reached. Check your connection.',
  'error.refused': 'Not accepted: {detail}',

  'nav.main': 'Main',
  'nav.editions': 'Issues',
  'nav.members': 'Members',
  'nav.settings': 'Settings',
  'nav.logout': 'Log out',
  'nav.logoutUnsaved':
    'Changes to {count} article(s) in this browser have not reached the server yet. Logging out deletes this browser’s copies of drafts, and those changes with them. Log out anyway?',

  'login.title': 'Log in to Galley',
  'login.login': 'Login name',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.wrong': 'That login name and password do not match.',
  'login.tooMany': 'Too many attempts. Wait a few minutes and try again.',

  'setup.title': 'Set up your account',
  'setup.inviteTitle': 'Join Galley',
  'setup.intro': 'Choose a password for the account {login}.',
  'setup.inviteIntro': 'You have been invited as {role}. Choose your login name and password.',
  'setup.login': 'Login name',
  'setup.displayName': 'Your name as others see it',
  'setup.password': 'New password',
  'setup.passwordRepeat': 'New password again',
  'setup.passwordHint': 'At least {min} characters.',
  'setup.mismatch': 'The two passwords are not the same.',
  'setup.tooShort': 'The password needs at least {min} characters.',
  'setup.submit': 'Save and log in',
  'setup.invalid': 'This link is not valid any more. Ask an admin for a new one.',

  'role.admin': 'admin',
  'role.member': 'member',
  'role.contributor': 'contributor',

  'editions.title': 'Issues',
  'editions.empty': 'No issues yet.',
  'editions.number': 'Number',
  'editions.name': 'Title',
  'editions.date': 'Date',
  'editions.create': 'Create issue',
  'editions.showArchived': 'Show archived issues',
  'editions.issueN': 'Issue {number}',
  'editions.articleCount': '{count} articles',
  'editions.archived': 'archived',

  'status.planning': 'planning',
  'status.production': 'production',
  'status.proofing': 'proofing',
  'status.published': 'published',

  'edition.articles': 'Articles',
  'edition.noArticles': 'No articles in this issue yet.',
  'edition.newArticle': 'Working title of a new article',
  'edition.createArticle': 'Create article',
  'edition.archive': 'Archive issue',
  'edition.unarchive': 'Bring back issue',
  'edition.rename': 'Rename',
  'edition.renameLabel': 'New title',
  'edition.back': 'All issues',
  'edition.notFound': 'This issue does not exist.',

  'article.open': 'Open the {lang} version of {title}',
  'article.rename': 'Rename',
  'article.renameButton': 'Rename {title}',
  'article.renameLabel': 'New working title for {title}',
  'article.archive': 'Archive',
  'article.archiveLabel': 'Archive {title}',

  'lang.en': 'English',
  'lang.es': 'Spanish',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.saved': 'Saved.',

  'members.title': 'Members',
  'members.inviteTitle': 'Invite someone',
  'members.inviteRole': 'Role of the new person',
  'members.createInvite': 'Create invite link',
  'members.inviteLink': 'Invite link (valid until {date}). Send it to the person you invite:',
  'members.copy': 'Copy link',
  'members.copied': 'Copied.',
  'members.list': 'Everyone with an account',
  'members.adminsOnly': 'Only admins can invite people.',

  'settings.title': 'Settings',
  'settings.displayName': 'Display name',
  'settings.byline': 'Default byline',
  'settings.bylineHint': 'Offered with one click in the byline of every article.',
  'settings.uiLang': 'Language of the interface',

  'editor.headline': 'Headline',
  'editor.deck': 'Deck',
  'editor.byline': 'Byline',
  'editor.body': 'Body text',
  'editor.useByline': 'Use my byline: {byline}',
  'editor.readOnly': 'This article is archived: it can be read but not changed.',
  'editor.toolbar': 'Formatting',
  'editor.bold': 'Bold',
  'editor.italic': 'Italic',
  'editor.subhead': 'Subhead',
  'editor.state.connected': 'Connected: all changes saved',
  'editor.state.saving': 'Saving…',
  'editor.state.offline': 'Offline: your changes are kept on this device',
  'editor.state.connecting': 'Connecting…',
  'editor.forbidden': "You don't have access to this article.",
  'editor.otherLang': 'Open the {lang} version',
  'editor.back': 'Back to the issue',
  'editor.noSuchVersion': 'This article has no {lang} version.',

  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the issues',
} as const;

export type MessageKey = keyof typeof en;
/** The shape every translation must have: exactly the English keys. */
export type Messages = Record<MessageKey, string>;
