// Never lose a word: a copy of the form in this browser's storage at every change (kept until the server has
// the text), an autosave to the server a few seconds after typing stops and when the page is left, a status
// line, a warning before leaving with unsaved edits, and on reopening an offer of a local copy newer than the
// server's. 401 asks to sign in again and retries; 409 shows the conflict and keeps both texts.
import { docFromForm } from './form.js';
import { dialog } from './dialog.js';
import { t } from './texts.js';
import { signInAgain, sessionState } from './session.js';

const QUIET_MS = 3000;
const PREFIX = 'shortwave.draft.';

export class Autosave {
  constructor(root, form, collect, statusEl) {
    this.root = root;
    this.form = form;
    this.collect = collect;
    this.statusEl = statusEl;
    this.article = root.dataset.article || '';
    this.edition = root.dataset.edition || '';
    this.url = root.dataset.autosave;
    this.state = 'saved';
    this.timer = null;
    this.inFlight = null;
    this.leaving = false;
    this.conflict = null;
    this.draftKey = this.article ? '' : this.newDraftKey();
    this.storageKey = PREFIX + (this.article ? `a${this.article}` : `new.${this.edition}`);
  }

  newDraftKey() {
    let input = this.form.querySelector('input[name=draftKey]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'draftKey';
      this.form.append(input);
    }
    if (!input.value) {
      const kept = this.readLocal();
      input.value = (kept && kept.draftKey) || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    }
    return input.value;
  }

  /** The form as it would be posted now, without the buttons' op. */
  fields() {
    this.collect();
    const data = new FormData(this.form);
    data.delete('op');
    return [...data.entries()].filter(([, v]) => typeof v === 'string');
  }

  textOf(fields) {
    return JSON.stringify(fields.filter(([k]) => k !== '_csrf' && k !== 'version'));
  }

  readLocal() {
    try { return JSON.parse(localStorage.getItem(this.storageKey) || 'null'); } catch (e) { return null; }
  }

  writeLocal(submitted) {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({
        submitted: !!submitted,
        fields: this.fields(), savedAt: new Date().toISOString(), draftKey: this.draftKey,
        version: (this.form.elements.namedItem('version') || {}).value || '',
      }));
    } catch (e) { /* storage full or off: the server copy still stands */ }
  }

  clearLocal() {
    try { localStorage.removeItem(this.storageKey); } catch (e) { /* nothing kept */ }
  }

  show(state, time) {
    this.state = state;
    this.root.dataset.saveState = state;
    const when = time ? new Intl.DateTimeFormat(this.root.dataset.lang, { hour: '2-digit', minute: '2-digit', timeZone: this.zone() }).format(time) : '';
    this.statusEl.textContent = state === 'saved' && when ? t('save.saved-at', when) : t(`save.${state}`);
  }

  start(view, restore) {
    this.view = view;
    this.show('saved');
    if (this.article) {
      // A new story's copy, submitted and now stored under its id, is no longer needed.
      try {
        const fresh = JSON.parse(localStorage.getItem(`${PREFIX}new.${this.edition}`) || 'null');
        if (fresh && fresh.submitted) localStorage.removeItem(`${PREFIX}new.${this.edition}`);
      } catch (e) { /* nothing kept */ }
    }
    const kept = this.readLocal();
    const onScreen = this.textOf(this.fields());
    if (kept && kept.fields && this.textOf(kept.fields) !== onScreen) this.offer(kept, restore);
    else if (kept) this.clearLocal();
    window.addEventListener('beforeunload', (e) => {
      if (this.leaving || this.state === 'saved') return;
      this.flush(true);
      e.preventDefault();
      e.returnValue = '';
    });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') this.flush(true); });
    window.addEventListener('pagehide', () => this.flush(true));
    window.addEventListener('online', () => { if (this.state !== 'saved') this.flush(false); });
  }

  /** The edition's time zone, as everywhere in the newsroom (the browser's own if the page names none). */
  zone() {
    return this.root.dataset.zone || undefined;
  }

  offer(kept, restore) {
    const time = new Date(kept.savedAt);
    const when = new Intl.DateTimeFormat(this.root.dataset.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: this.zone() }).format(time);
    dialog({ title: t('recover.title'), text: t('recover.text', when), ok: t('recover.restore'), extra: t('recover.discard') })
      .then((answer) => {
        if (answer && !answer.extra) {
          this.fill(kept.fields);
          restore(docFromForm(this.shadowForm(kept.fields)));
          this.changed();
        } else if (answer && answer.extra) {
          this.clearLocal();
        }
        this.view.focus();
      });
  }

  /** Puts kept values back into the form's own fields (not the blocks: the editor holds those). */
  fill(fields) {
    const byName = new Map();
    for (const [k, v] of fields) { if (!byName.has(k)) byName.set(k, []); byName.get(k).push(v); }
    for (const el of this.form.elements) {
      if (!el.name || el.name.startsWith('blocks.') || ['_csrf', 'version', 'op', 'edition'].includes(el.name)) continue;
      const values = byName.get(el.name) || [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = values.includes(el.value);
      else if (el.tagName === 'SELECT' && el.multiple) [...el.options].forEach((o) => { o.selected = values.includes(o.value); });
      else if (el.type !== 'submit' && el.type !== 'button' && el.type !== 'file' && values.length) el.value = values[0];
    }
  }

  /** A detached form holding FIELDS, for docFromForm to read the kept blocks from. */
  shadowForm(fields) {
    const f = document.createElement('form');
    for (const [k, v] of fields) {
      const i = document.createElement('input');
      i.name = k;
      i.value = v;
      f.append(i);
    }
    return f;
  }

  changed() {
    if (this.leaving) return;
    this.show('unsaved');
    this.writeLocal();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(false), QUIET_MS);
  }

  /**
   * Before the form goes, the session is checked: a submit with an ended session would lose nothing either
   * (the server keeps it), but here the text stays on screen, sign-in happens in a new tab, and the same
   * button is pressed again for the writer.
   */
  submitting(event) {
    if (!this.verified) {
      event.preventDefault();
      const submitter = event.submitter;
      sessionState().then(async (s) => {
        if (s.signedIn || (await signInAgain())) {
          this.verified = true;
          this.form.requestSubmit(submitter && submitter.form === this.form ? submitter : undefined);
        }
      });
      return;
    }
    this.verified = false;
    // A preview posts the same form into another tab: this page stays, and so does its autosave.
    if (event.submitter && event.submitter.formTarget === '_blank') return;
    this.leaving = true;
    clearTimeout(this.timer);
    // The copy stays until the next page shows the text saved (start() then finds it equal and drops it).
    this.writeLocal(true);
  }

  body() {
    const params = new URLSearchParams();
    for (const [k, v] of this.fields()) params.append(k, v);
    if (!this.article) {
      if (!params.has('edition')) params.append('edition', this.edition);
      params.set('draftKey', this.draftKey);
    }
    return params;
  }

  async flush(leaving) {
    clearTimeout(this.timer);
    // After a submit the form itself carries the text: an autosave sent as the page goes would race the save and
    // leave a draft of what was just saved (a new story's would then be offered as unsaved).
    if (this.state === 'saved' || !this.url || this.conflict || this.leaving) return;
    const body = this.body();
    if (leaving) {
      // The page is going: keepalive lets the request finish after it.
      try {
        fetch(this.url, { method: 'POST', body, keepalive: true, credentials: 'same-origin',
          headers: { Accept: 'application/json' } });
      } catch (e) { /* the local copy is kept */ }
      return;
    }
    if (this.inFlight) { this.again = true; return; }
    this.show('saving');
    this.inFlight = this.post(body);
    await this.inFlight;
    this.inFlight = null;
    if (this.again) { this.again = false; this.flush(false); }
  }

  async post(body) {
    const sent = body.toString();
    let r;
    try {
      r = await fetch(this.url, { method: 'POST', body, credentials: 'same-origin',
        headers: { Accept: 'application/json' } });
    } catch (e) {
      this.show('offline');
      return;
    }
    let json = null;
    try { json = await r.json(); } catch (e) { json = null; }
    if (r.ok) {
      if (json && json.draftKey && !this.article) this.draftKey = json.draftKey;
      // Saved, unless more was typed meanwhile.
      if (this.body().toString() === sent) {
        this.clearLocal();
        this.show('saved', json && json.savedAt ? new Date(json.savedAt) : new Date());
      } else {
        this.show('unsaved');
        this.timer = setTimeout(() => this.flush(false), QUIET_MS);
      }
      return;
    }
    if (r.status === 401 || r.status === 403) {
      this.show('signed-out');
      if (await signInAgain()) { this.show('unsaved'); this.flush(false); }
      return;
    }
    if (r.status === 409) {
      this.conflict = json || {};
      this.show('conflict');
      const version = this.conflict.currentVersion;
      dialog({
        title: t('conflict.title'),
        text: [t('conflict.text', version == null ? '' : String(version)), t('conflict.kept')],
        ok: t('conflict.open'), extra: t('close'),
      }).then((answer) => {
        if (answer && !answer.extra && this.article) window.open(`/admin/articles/${this.article}`, '_blank', 'noopener');
        this.view.focus();
      });
      return;
    }
    this.show('error');
  }
}
