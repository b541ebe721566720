// Photos into the story: dropped, pasted or chosen from the disk, uploaded to POST /admin/media with progress,
// with the alt text (required), caption and credit asked in one dialog; or picked from the library
// (GET /admin/media?format=json). Refusals come back as JSON in the page's language and stand on their field.
import { TextSelection } from 'prosemirror-state';
import { schema, imageNode } from './schema.js';
import { placeBlock } from './commands.js';
import { dialog } from './dialog.js';
import { t } from './texts.js';
import { csrfToken, signInAgain } from './session.js';
import { remember, thumbnailOf } from './nodeviews.js';

const FIELDS = { alt: 'alt', caption: 'caption', credit: 'credit' };

function upload(file, values, onProgress) {
  return new Promise((resolve) => {
    const data = new FormData();
    data.append('file', file);
    data.append('alt', values.alt);
    data.append('caption', values.caption);
    data.append('credit', values.credit);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/admin/media');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-TOKEN', csrfToken());
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => resolve({ status: 0, body: null }));
    xhr.send(data);
  });
}

export class Media {
  constructor(root, form) {
    this.root = root;
    this.form = form;
    this.edition = root.dataset.edition;
    this.view = null;
    this.input = document.createElement('input');
    this.input.type = 'file';
    this.input.accept = 'image/jpeg,image/png,image/webp,image/gif,image/avif';
    this.input.hidden = true;
    this.input.tabIndex = -1;
    this.input.setAttribute('aria-label', t('image.add'));
    this.input.className = 'rt-file';
    root.append(this.input);
    this.input.addEventListener('change', () => {
      const file = this.input.files[0];
      this.input.value = '';
      if (file) this.ask(this.view, file, null);
    });
  }

  chooseFile(view) {
    this.view = view;
    this.input.click();
  }

  handleDrop(view, event) {
    const files = [...(event.dataTransfer?.files || [])].filter((f) => f.type.startsWith('image/'));
    if (!files.length) return false;
    event.preventDefault();
    const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
    this.ask(view, files[0], at ? at.pos : null);
    return true;
  }

  handlePaste(view, event) {
    const files = [...(event.clipboardData?.files || [])].filter((f) => f.type.startsWith('image/'));
    if (!files.length) return false;
    event.preventDefault();
    this.ask(view, files[0], null);
    return true;
  }

  /** The photo dialog: preview, alt text, caption, credit; uploads on OK and inserts the block at POS. */
  async ask(view, file, pos) {
    const preview = URL.createObjectURL(file);
    const result = await dialog({
      title: t('upload.title'),
      preview,
      fields: [
        { name: 'alt', label: t('upload.alt'), required: true, hint: t('upload.alt.hint') },
        { name: 'caption', label: t('upload.caption') },
        { name: 'credit', label: t('upload.credit') },
      ],
      ok: t('upload.ok'),
      cancel: t('cancel'),
      submit: async (values, api) => {
        for (;;) {
          api.progress(0);
          const answer = await upload(file, values, (f) => api.progress(f));
          api.progress(null);
          if (answer.status === 201 && answer.body) return answer.body;
          if (answer.status === 401 || (answer.status === 403 && answer.body && /csrf/i.test(answer.body.code || ''))) {
            if (await signInAgain()) continue;
            return { errors: { file: t('session.title') } };
          }
          const b = answer.body;
          if (!b) return { errors: { file: t('upload.failed') } };
          return { errors: { [FIELDS[b.field] || 'file']: b.message || t('upload.failed') } };
        }
      },
    });
    URL.revokeObjectURL(preview);
    if (!result || !result.result) { view.focus(); return; }
    const item = result.result;
    remember(item);
    this.insert(view, item, pos, result.values.caption, result.values.credit);
  }

  insert(view, item, pos, caption, credit) {
    let state = view.state;
    if (pos != null) {
      const $pos = state.doc.resolve(Math.min(pos, state.doc.content.size));
      state = state.apply(state.tr.setSelection(TextSelection.near($pos)));
      view.updateState(state);
    }
    const node = item.kind === 'video'
      ? schema.nodes.video.create({ media: String(item.id), title: item.title || '', poster: item.posterUrl || '' })
      : imageNode({ media: String(item.id), src: thumbnailOf(item), alt: item.altText || item.alt || '' }, caption, credit);
    placeBlock(view.state, node, view.dispatch);
    view.focus();
  }

  /** The library picker: thumbnails of what this user may use, searchable by description and credit. */
  async pick(view, kind) {
    const body = document.createElement('div');
    body.className = 'rt-picker';
    const label = document.createElement('label');
    label.htmlFor = 'rt-picker-q';
    label.textContent = t('picker.search');
    const q = document.createElement('input');
    q.id = 'rt-picker-q';
    q.type = 'search';
    const grid = document.createElement('ul');
    grid.className = 'rt-grid';
    const note = document.createElement('p');
    note.className = 'rt-hint';
    note.setAttribute('role', 'status');
    body.append(label, q, note, grid);
    let chosen = null;
    let timer;
    const load = async () => {
      const params = new URLSearchParams({ format: 'json', kind, q: q.value.trim(), edition: this.edition || '' });
      let data = null;
      try {
        const r = await fetch(`/admin/media?${params}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (r.status === 401) { if (await signInAgain()) return load(); }
        data = r.ok ? await r.json() : null;
      } catch (e) { data = null; }
      const items = (data && data.items) || [];
      note.textContent = data ? (items.length ? '' : t('picker.none')) : t('picker.unavailable');
      grid.replaceChildren(...items.map((item) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'submit';
        b.className = 'rt-thumb';
        const img = document.createElement('img');
        img.src = item.thumbnail || '';
        img.alt = '';
        img.loading = 'lazy';
        const span = document.createElement('span');
        span.textContent = item.alt || item.title || item.caption || String(item.id);
        b.append(img, span);
        b.addEventListener('click', () => { chosen = item; });
        li.append(b);
        return li;
      }));
    };
    q.addEventListener('keydown', (e) => { if (e.key === 'Enter') e.preventDefault(); });
    setTimeout(() => q.focus(), 0);
    q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
    load();
    const result = await dialog({ title: t(kind === 'video' ? 'picker.video' : 'picker.title'), body, ok: t('close'), cancel: null });
    if (!result || !chosen) { view.focus(); return; }
    const item = { ...chosen, id: chosen.id, kind: chosen.kind || kind, altText: chosen.alt, url: chosen.thumbnail, thumbnail: chosen.thumbnail };
    remember(item);
    this.insert(view, item, null, '', '');
  }
}
