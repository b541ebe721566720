// Photos and videos in the story: the picture itself (not editable), then the caption and credit as text the
// writer types in place. A stored photo's address is asked of GET /admin/media/{id} once per page.
import { NodeSelection } from 'prosemirror-state';
import { t } from './texts.js';

const known = new Map();

export function mediaInfo(id) {
  if (!id) return Promise.resolve(null);
  if (!known.has(id)) {
    known.set(id, fetch(`/admin/media/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return known.get(id);
}

export function remember(item) {
  known.set(String(item.id), Promise.resolve(item));
}

/** The smallest rendition at least 640 pixels wide, else the file itself. */
export function thumbnailOf(item) {
  if (!item) return '';
  const r = (item.renditions || []).filter((x) => x.width >= 640).sort((a, b) => a.width - b.width)[0];
  return item.thumbnail || (r ? r.url : item.url || item.posterUrl || '');
}

export class ImageView {
  constructor(node, view, getPos) {
    this.node = node;
    this.dom = document.createElement('figure');
    this.dom.className = 'rt-image';
    const frame = document.createElement('div');
    frame.className = 'rt-frame';
    frame.contentEditable = 'false';
    this.img = document.createElement('img');
    this.img.alt = node.attrs.alt || '';
    this.img.decoding = 'async';
    frame.append(this.img);
    this.label = document.createElement('p');
    this.label.className = 'rt-alt';
    frame.append(this.label);
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'rt-figcaption';
    this.dom.append(frame, this.contentDOM);
    // A click on the picture selects the block (to move or delete it).
    frame.addEventListener('mousedown', (e) => {
      e.preventDefault();
      const pos = getPos();
      if (typeof pos === 'number') {
        view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)));
        view.focus();
      }
    });
    this.render();
  }

  render() {
    const { media, src, alt } = this.node.attrs;
    this.dom.dataset.media = media;
    this.img.alt = alt || '';
    this.label.textContent = alt ? t('image.alt', alt) : '';
    if (src) this.img.src = src;
    else if (media) mediaInfo(media).then((item) => {
      if (item && this.node.attrs.media === media) {
        this.img.src = thumbnailOf(item);
        if (!alt && item.altText) { this.img.alt = item.altText; this.label.textContent = t('image.alt', item.altText); }
      }
    });
  }

  update(node) {
    if (node.type !== this.node.type) return false;
    const same = node.attrs.media === this.node.attrs.media && node.attrs.src === this.node.attrs.src;
    this.node = node;
    if (!same) this.render();
    return true;
  }

  selectNode() { this.dom.classList.add('rt-selected'); }

  deselectNode() { this.dom.classList.remove('rt-selected'); }

  ignoreMutation(m) {
    return !this.contentDOM.contains(m.target);
  }

  stopEvent() {
    return false;
  }
}

export class VideoView {
  constructor(node) {
    this.node = node;
    this.dom = document.createElement('figure');
    this.dom.className = 'rt-video';
    this.dom.contentEditable = 'false';
    this.poster = document.createElement('div');
    this.poster.className = 'rt-poster';
    this.poster.setAttribute('aria-hidden', 'true');
    this.poster.textContent = '▶';
    this.caption = document.createElement('figcaption');
    this.dom.append(this.poster, this.caption);
    this.render();
  }

  render() {
    const { media, title } = this.node.attrs;
    this.dom.dataset.media = media;
    this.caption.textContent = t('video.label', title || media);
    mediaInfo(media).then((item) => {
      if (!item || this.node.attrs.media !== media) return;
      if (item.posterUrl) this.poster.style.backgroundImage = `url("${encodeURI(item.posterUrl)}")`;
      if (!title && item.title) this.caption.textContent = t('video.label', item.title);
    });
  }

  update(node) {
    if (node.type !== this.node.type) return false;
    const changed = node.attrs.media !== this.node.attrs.media;
    this.node = node;
    if (changed) this.render();
    return true;
  }

  selectNode() { this.dom.classList.add('rt-selected'); }

  deselectNode() { this.dom.classList.remove('rt-selected'); }
}
