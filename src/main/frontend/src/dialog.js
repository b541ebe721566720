// One modal dialog for the editor's questions (link address, photo details, help, session, conflict), built on
// <dialog>: focus moves into it and back, Escape closes it, and errors stand on their field (aria-describedby).
import { t } from './texts.js';

let counter = 0;

/**
 * Opens a dialog. OPTIONS: title, text, fields [{name,label,value,type,required,hint}], table [[key, text]],
 * preview (image URL), ok, extra (a second action), cancel, validate(values) -> {field: message} | null,
 * submit(values, dialogApi) -> Promise<{errors}|result> (the dialog stays open while it runs and on errors).
 * Resolves with {values, extra, result} or null when cancelled.
 */
export function dialog(options) {
  const id = `rt-dialog-${++counter}`;
  const el = document.createElement('dialog');
  el.className = 'rt-dialog';
  el.setAttribute('aria-labelledby', `${id}-title`);
  const form = document.createElement('form');
  form.method = 'dialog';
  form.noValidate = true;
  const h = document.createElement('h2');
  h.id = `${id}-title`;
  h.textContent = options.title;
  form.append(h);
  if (options.text) {
    for (const line of [].concat(options.text)) {
      const p = document.createElement('p');
      p.textContent = line;
      form.append(p);
    }
  }
  if (options.preview) {
    const img = document.createElement('img');
    img.className = 'rt-dialog-preview';
    img.src = options.preview;
    img.alt = '';
    form.append(img);
  }
  if (options.table) {
    const dl = document.createElement('dl');
    dl.className = 'rt-keys';
    for (const [k, v] of options.table) {
      const dt = document.createElement('dt');
      const kbd = document.createElement('kbd');
      kbd.textContent = k;
      dt.append(kbd);
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
    form.append(dl);
  }
  if (options.body) form.append(options.body);
  const inputs = {};
  const errors = {};
  for (const f of options.fields || []) {
    const label = document.createElement('label');
    label.htmlFor = `${id}-${f.name}`;
    label.textContent = f.label;
    const input = document.createElement(f.type === 'textarea' ? 'textarea' : 'input');
    if (f.type !== 'textarea') input.type = f.type || 'text';
    input.id = `${id}-${f.name}`;
    input.name = f.name;
    input.value = f.value || '';
    if (f.required) input.setAttribute('aria-required', 'true');
    const error = document.createElement('p');
    error.className = 'rt-error';
    error.id = `${id}-${f.name}-error`;
    error.hidden = true;
    const described = [error.id];
    form.append(label, input);
    if (f.hint) {
      const hint = document.createElement('p');
      hint.className = 'rt-hint';
      hint.id = `${id}-${f.name}-hint`;
      hint.textContent = f.hint;
      form.append(hint);
      described.push(hint.id);
    }
    input.setAttribute('aria-describedby', described.join(' '));
    form.append(error);
    inputs[f.name] = input;
    errors[f.name] = error;
  }
  const general = document.createElement('p');
  general.className = 'rt-error';
  general.setAttribute('role', 'alert');
  general.hidden = true;
  const progress = document.createElement('progress');
  progress.className = 'rt-progress';
  progress.max = 100;
  progress.value = 0;
  progress.hidden = true;
  progress.setAttribute('aria-label', t('upload.progress'));
  form.append(progress, general);
  const actions = document.createElement('p');
  actions.className = 'rt-actions';
  const ok = document.createElement('button');
  ok.type = 'submit';
  ok.value = 'ok';
  ok.className = 'rt-primary';
  ok.textContent = options.ok;
  actions.append(ok);
  let extra;
  if (options.extra) {
    extra = document.createElement('button');
    extra.type = 'submit';
    extra.value = 'extra';
    extra.textContent = options.extra;
    actions.append(extra);
  }
  if (options.cancel) {
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = options.cancel;
    cancel.addEventListener('click', () => el.close('cancel'));
    actions.append(cancel);
  }
  form.append(actions);
  el.append(form);
  document.body.append(el);
  const returnTo = document.activeElement;

  const values = () => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.value.trim()]));
  const api = {
    element: el,
    progress(fraction) { progress.hidden = fraction == null; progress.value = Math.round((fraction || 0) * 100); },
    showErrors(map) {
      let first = null;
      for (const [name, input] of Object.entries(inputs)) {
        const message = map && map[name];
        errors[name].hidden = !message;
        errors[name].textContent = message || '';
        if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
        if (message && !first) first = input;
      }
      const rest = map && Object.entries(map).filter(([k]) => !inputs[k]).map(([, v]) => v).join(' ');
      general.hidden = !rest;
      general.textContent = rest || '';
      if (first) first.focus();
    },
  };

  return new Promise((resolve) => {
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      el.close();
      el.remove();
      if (returnTo && returnTo.focus) returnTo.focus();
      resolve(value);
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const isExtra = e.submitter === extra;
      const v = values();
      if (!isExtra) {
        const invalid = {};
        for (const f of options.fields || []) if (f.required && !v[f.name]) invalid[f.name] = t('required');
        const more = options.validate && options.validate(v);
        Object.assign(invalid, more || {});
        if (Object.keys(invalid).length) { api.showErrors(invalid); return; }
      }
      if (options.submit && !isExtra) {
        ok.disabled = true;
        const answer = await options.submit(v, api);
        ok.disabled = false;
        if (answer && answer.errors) { api.showErrors(answer.errors); return; }
        finish({ values: v, extra: false, result: answer });
        return;
      }
      finish({ values: v, extra: isExtra });
    });
    el.addEventListener('close', () => finish(null));
    el.addEventListener('cancel', (e) => { e.preventDefault(); finish(null); });
    el.showModal();
    const firstInput = Object.values(inputs)[0];
    (firstInput || ok).focus();
    if (firstInput && firstInput.select) firstInput.select();
  });
}
