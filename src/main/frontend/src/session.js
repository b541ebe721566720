// Signed out while writing: nothing is lost. The editor asks GET /admin/session; when the session has ended it
// offers sign-in in a new tab (/admin/login?return=close), waits for the new session, puts the new CSRF token
// into every form of the page, and then the action that was refused goes through.
import { dialog } from './dialog.js';
import { t } from './texts.js';

export async function sessionState() {
  try {
    const r = await fetch('/admin/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
    if (r.status === 401) return { signedIn: false };
    if (!r.ok) return { signedIn: true, unknown: true };
    return await r.json();
  } catch (e) {
    return { signedIn: true, offline: true };
  }
}

export function csrfToken() {
  const input = document.querySelector('input[name="_csrf"]');
  return input ? input.value : '';
}

function useToken(csrf) {
  if (!csrf || !csrf.token) return;
  for (const input of document.querySelectorAll(`input[name="${csrf.parameter || '_csrf'}"]`)) input.value = csrf.token;
}

let pending = null;

/** Resolves when the user is signed in again (true), or false when she closed the dialog. */
export function signInAgain() {
  if (pending) return pending;
  pending = new Promise((resolve) => {
    let timer;
    let finished = false;
    const check = async () => {
      if (finished) return;
      const s = await sessionState();
      if (s.signedIn && !s.offline && !s.unknown) {
        useToken(s.csrf);
        clearInterval(timer);
        done(true);
      }
    };
    let closeDialog = null;
    const done = (value) => {
      if (finished) return;
      finished = true;
      window.removeEventListener('focus', check);
      pending = null;
      clearInterval(timer);
      if (closeDialog) closeDialog();
      resolve(value);
    };
    const body = document.createElement('p');
    const open = document.createElement('a');
    open.href = '/admin/login?return=close';
    open.target = '_blank';
    open.rel = 'opener';
    open.className = 'rt-primary-link';
    open.textContent = t('session.open');
    open.addEventListener('click', () => { clearInterval(timer); timer = setInterval(check, 1500); });
    body.append(open);
    const d = dialog({ title: t('session.title'), text: t('session.text'), body, ok: t('session.done'), cancel: t('cancel'),
      submit: async () => {
        const s = await sessionState();
        if (s.signedIn && !s.offline) { useToken(s.csrf); return { signedIn: true }; }
        return { errors: { session: t('session.still') } };
      } });
    closeDialog = () => { const el = document.querySelector('dialog.rt-dialog[open]'); if (el) el.close(); };
    d.then((result) => { closeDialog = null; done(!!result); });
    window.addEventListener('focus', check);
  });
  return pending;
}
