// View plugins: placeholders for empty text, the block handle ("+" and drag grip) beside the block under the
// pointer or cursor, and the "/" command menu.
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { schema } from './schema.js';
import { t } from './texts.js';
import { moveBlockTo } from './commands.js';

const PLACEHOLDER = {
  quote_text: 'quote.text', quote_by: 'quote.by', image_caption: 'image.caption', image_credit: 'image.credit',
  heading: 'heading.placeholder', list_item: 'list.placeholder',
};

/** A hint in empty text: the story's first line, a quote's attribution, a photo's caption and credit. */
export function placeholders() {
  return new Plugin({
    props: {
      decorations(state) {
        const decorations = [];
        const only = state.doc.childCount === 1 && state.doc.firstChild.type === schema.nodes.paragraph;
        const { $from } = state.selection;
        state.doc.descendants((node, pos) => {
          if (!node.isTextblock || node.content.size) return true;
          let key = PLACEHOLDER[node.type.name];
          if (node.type === schema.nodes.paragraph) {
            if (only) key = 'placeholder';
            else if ($from.parent === node) key = 'paragraph.placeholder';
          }
          if (key) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'rt-empty', 'data-placeholder': t(key) }));
          return true;
        });
        return DecorationSet.create(state.doc, decorations);
      },
    },
  });
}

/** The top-level block DOM node at a client Y coordinate, with its index. */
function blockAtY(view, y) {
  const children = [...view.dom.children];
  let best = null;
  for (let i = 0; i < children.length; i++) {
    const rect = children[i].getBoundingClientRect();
    if (y >= rect.top - 8 && y <= rect.bottom + 8) best = { index: i, dom: children[i], rect };
  }
  return best;
}

/**
 * A handle left of the block under the pointer (or the cursor): "+" opens the insert menu after it, the grip
 * drags it to another place (pointer events, so touch works too; the keyboard way is Alt+Shift+Up/Down).
 */
export function blockHandle(openMenu) {
  return new Plugin({
    view(view) {
      const handle = document.createElement('div');
      handle.className = 'rt-handle';
      const plus = document.createElement('button');
      plus.type = 'button';
      plus.className = 'rt-plus';
      plus.tabIndex = -1;
      plus.setAttribute('aria-label', t('insert'));
      plus.title = t('insert');
      plus.textContent = '+';
      const grip = document.createElement('button');
      grip.type = 'button';
      grip.className = 'rt-grip';
      grip.tabIndex = -1;
      grip.setAttribute('aria-label', t('drag'));
      grip.title = t('drag');
      grip.innerHTML = '<svg viewBox="0 0 10 16" width="10" height="16" aria-hidden="true"><circle cx="2" cy="2" r="1.5"/><circle cx="8" cy="2" r="1.5"/><circle cx="2" cy="8" r="1.5"/><circle cx="8" cy="8" r="1.5"/><circle cx="2" cy="14" r="1.5"/><circle cx="8" cy="14" r="1.5"/></svg>';
      handle.append(plus, grip);
      const line = document.createElement('div');
      line.className = 'rt-dropline';
      line.hidden = true;
      const host = view.dom.parentNode;
      host.append(handle, line);
      let index = -1;

      const place = (found) => {
        if (!found) return;
        index = found.index;
        const hostRect = host.getBoundingClientRect();
        handle.style.top = `${found.rect.top - hostRect.top + host.scrollTop}px`;
        handle.classList.add('rt-visible');
      };
      const onMove = (e) => { if (!dragging) place(blockAtY(view, e.clientY)); };
      view.dom.addEventListener('pointermove', onMove);

      plus.addEventListener('click', () => openMenu(view, index));

      let dragging = null;
      grip.addEventListener('pointerdown', (e) => {
        if (index < 0) return;
        e.preventDefault();
        grip.setPointerCapture(e.pointerId);
        dragging = { from: index, to: index };
        view.dom.children[index]?.classList.add('rt-dragging');
      });
      grip.addEventListener('pointermove', (e) => {
        if (!dragging) return;
        const rects = [...view.dom.children].map((c) => c.getBoundingClientRect());
        // The slot is the gap the pointer is nearest: before block `slot`, or after the last one.
        const slot = rects.filter((r) => e.clientY > r.top + r.height / 2).length;
        dragging.to = slot > dragging.from ? slot - 1 : slot;
        const hostRect = host.getBoundingClientRect();
        const y = slot < rects.length ? rects[slot].top : rects[rects.length - 1].bottom;
        line.style.top = `${y - hostRect.top + host.scrollTop - 2}px`;
        line.hidden = false;
      });
      const end = () => {
        if (!dragging) return;
        view.dom.children[dragging.from]?.classList.remove('rt-dragging');
        line.hidden = true;
        const { from, to } = dragging;
        dragging = null;
        if (from !== to) moveBlockTo(view.state, from, to, view.dispatch);
        view.focus();
      };
      grip.addEventListener('pointerup', end);
      grip.addEventListener('pointercancel', end);

      return {
        update(v) {
          if (dragging) return;
          const { $from } = v.state.selection;
          const dom = v.dom.children[$from.index(0)];
          if (dom && v.hasFocus()) place({ index: $from.index(0), dom, rect: dom.getBoundingClientRect() });
        },
        destroy() {
          handle.remove();
          line.remove();
          view.dom.removeEventListener('pointermove', onMove);
        },
      };
    },
  });
}

export const slashKey = new PluginKey('slash');

/**
 * The "/" menu: typed at the start of an empty paragraph, it lists the block kinds, filtered by what follows
 * the slash; arrows choose, Enter inserts, Escape closes. The list is a listbox the editor points at with
 * aria-activedescendant, so screen readers follow the choice while the focus stays in the text.
 */
export function slashMenu(items, onChoose) {
  let menu;
  let active = 0;
  let shown = [];
  const query = (state) => {
    const { $from, empty } = state.selection;
    if (!empty || $from.parent.type !== schema.nodes.paragraph || $from.depth !== 1) return null;
    const text = $from.parent.textContent;
    const m = /^\/([^\s/]{0,20})$/.exec(text);
    return m && $from.parentOffset === text.length ? m[1].toLowerCase() : null;
  };
  const render = (view, q) => {
    shown = items().filter((item) => !q || item.label.toLowerCase().includes(q) || item.keys.some((k) => k.startsWith(q)));
    if (active >= shown.length) active = 0;
    menu.replaceChildren(...shown.map((item, i) => {
      const li = document.createElement('li');
      li.id = `rt-slash-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === active));
      li.dataset.kind = item.id;
      const icon = document.createElement('span');
      icon.className = 'rt-icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = item.icon;
      li.append(icon, document.createTextNode(item.label));
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(view, i); });
      return li;
    }));
    menu.hidden = !shown.length;
    if (!menu.hidden) {
      view.dom.setAttribute('aria-activedescendant', `rt-slash-${active}`);
      const coords = view.coordsAtPos(view.state.selection.from);
      const hostRect = menu.parentNode.getBoundingClientRect();
      menu.style.top = `${coords.bottom - hostRect.top + 4}px`;
      menu.style.insetInlineStart = '2.5rem';
    } else {
      view.dom.removeAttribute('aria-activedescendant');
    }
  };
  const close = (view) => {
    menu.hidden = true;
    view.dom.removeAttribute('aria-activedescendant');
  };
  const choose = (view, i) => {
    const item = shown[i];
    if (!item) return;
    const { $from } = view.state.selection;
    // Remove the "/query" text; the block then replaces the empty paragraph.
    view.dispatch(view.state.tr.delete($from.start(), $from.end()));
    close(view);
    onChoose(view, item);
  };
  return new Plugin({
    key: slashKey,
    view(view) {
      menu = document.createElement('ul');
      menu.className = 'rt-menu';
      menu.id = 'rt-slash';
      menu.setAttribute('role', 'listbox');
      menu.setAttribute('aria-label', t('insert'));
      menu.hidden = true;
      view.dom.parentNode.append(menu);
      view.dom.setAttribute('aria-controls', 'rt-slash');
      return {
        update(v) {
          if (v.composing) return;
          const q = query(v.state);
          if (q === null) { if (!menu.hidden) close(v); return; }
          render(v, q);
        },
        destroy() { menu.remove(); },
      };
    },
    props: {
      handleKeyDown(view, event) {
        if (!menu || menu.hidden || view.composing) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          active = (active + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
          render(view, query(view.state));
          return true;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          choose(view, active);
          return true;
        }
        if (event.key === 'Escape') {
          close(view);
          return true;
        }
        return false;
      },
    },
  });
}
