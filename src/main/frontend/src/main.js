// The newsroom's block editor (ADR 0018): ProseMirror over the story's typed blocks, enhancing the plain form.
// Without JavaScript the form stays as the server renders it; with it, the block fieldsets are replaced by one
// rich text area and written back into hidden blocks.N.* fields before every submit and autosave.
import { EditorState, NodeSelection, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, toggleMark, chainCommands } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { inputRules, textblockTypeInputRule, wrappingInputRule, InputRule } from 'prosemirror-inputrules';
import { schema, quoteNode } from './schema.js';
import { docFromForm, writeBlocks } from './form.js';
import { cleanPastedHtml } from './paste.js';
import { loadTexts, t } from './texts.js';
import { placeholders, blockHandle, slashMenu } from './plugins.js';
import { moveBlock, enterInComposite, enterInList, backspaceToParagraph, placeBlock, turnInto, currentBlock } from './commands.js';
import { ImageView, VideoView } from './nodeviews.js';
import { Media } from './media.js';
import { Autosave } from './autosave.js';
import { counts } from './counts.js';
import { dialog } from './dialog.js';
import { followHeadline } from './slug.js';

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl';

function markActive(state, type) {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

function button(cls, label, text, shortcut) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `rt-button ${cls}`;
  b.setAttribute('aria-label', shortcut ? `${label} (${shortcut})` : label);
  b.title = shortcut ? `${label} (${shortcut})` : label;
  b.innerHTML = text;
  return b;
}

function start(root) {
  const form = root.closest('form');
  loadTexts(root);
  const lang = root.dataset.lang;
  const dir = root.dataset.dir;

  const doc = docFromForm(form);
  // The plain block fields leave the form: from now on only the editor's hidden fields carry blocks.N.*.
  for (const el of form.querySelectorAll('fieldset.block, .block-ops, .marks-hint')) el.remove();
  const fields = document.createElement('div');
  fields.className = 'rt-fields';
  fields.hidden = true;
  root.append(fields);

  const toolbar = document.createElement('div');
  toolbar.className = 'rt-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', t('toolbar'));
  const bold = button('rt-bold', t('bold'), '<b>B</b>', `${MOD}+B`);
  const italic = button('rt-italic', t('italic'), '<i>I</i>', `${MOD}+I`);
  const link = button('rt-link', t('link'), '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>', `${MOD}+K`);
  const insert = button('rt-insert', t('insert'), '+', '/');
  const image = button('rt-image-button', t('image.add'), '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><rect x="3" y="5" width="18" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="9" cy="10" r="2" fill="currentColor"/><path d="M5 17l5-5 4 4 2-2 3 3" fill="none" stroke="currentColor" stroke-width="2"/></svg>');
  const undoButton = button('rt-undo', t('undo'), '↶', `${MOD}+Z`);
  const redoButton = button('rt-redo', t('redo'), '↷', MAC ? '⇧⌘Z' : 'Ctrl+Y');
  const help = button('rt-help-button', t('help'), '?', `${MOD}+/`);
  const sep = () => { const s = document.createElement('span'); s.className = 'rt-sep'; return s; };
  toolbar.append(bold, italic, link, sep(), insert, image, sep(), undoButton, redoButton, sep(), help);
  // Roving focus: one tab stop for the whole toolbar, arrows move along it (WAI-ARIA toolbar pattern).
  const tools = [...toolbar.querySelectorAll('button')];
  tools.forEach((b, i) => { b.tabIndex = i === 0 ? 0 : -1; });
  toolbar.addEventListener('keydown', (e) => {
    const i = tools.indexOf(document.activeElement);
    if (i < 0 || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const forward = (e.key === 'ArrowRight') !== (dir === 'rtl');
    let next = e.key === 'Home' ? 0 : e.key === 'End' ? tools.length - 1 : (i + (forward ? 1 : -1) + tools.length) % tools.length;
    tools[i].tabIndex = -1;
    tools[next].tabIndex = 0;
    tools[next].focus();
  });

  const surface = document.createElement('div');
  surface.className = 'rt-surface';
  const status = document.createElement('div');
  status.className = 'rt-status';
  const count = document.createElement('p');
  count.className = 'rt-count';
  const saveState = document.createElement('p');
  saveState.className = 'rt-save-state';
  saveState.setAttribute('role', 'status');
  const announcer = document.createElement('p');
  announcer.className = 'rt-announce';
  announcer.setAttribute('aria-live', 'polite');
  status.append(count, saveState, announcer);
  root.append(toolbar, surface, status);
  root.hidden = false;

  const media = new Media(root, form);
  let view;
  const blockItems = () => [
    { id: 'paragraph', icon: '¶', label: t('block.paragraph'), keys: ['p', 'text'] },
    { id: 'heading2', icon: 'H2', label: t('block.heading2'), keys: ['h', 'h2'] },
    { id: 'heading3', icon: 'H3', label: t('block.heading3'), keys: ['h3'] },
    { id: 'quote', icon: '❝', label: t('block.quote'), keys: ['q', 'quote'] },
    { id: 'list', icon: '•', label: t('block.list'), keys: ['ul', 'list'] },
    { id: 'olist', icon: '1.', label: t('block.olist'), keys: ['ol', 'list'] },
    { id: 'image', icon: '▣', label: t('block.image'), keys: ['img', 'image', 'photo'] },
    { id: 'library', icon: '▦', label: t('block.library'), keys: ['img', 'library', 'photo'] },
    { id: 'video', icon: '▶', label: t('block.video'), keys: ['video'] },
    { id: 'divider', icon: '—', label: t('block.divider'), keys: ['hr', 'divider'] },
  ];
  const chooseBlock = (v, item) => {
    const run = (cmd) => cmd(v.state, v.dispatch, v);
    switch (item.id) {
      case 'paragraph': run(turnInto(schema.nodes.paragraph)); break;
      case 'heading2': run(turnInto(schema.nodes.heading, { level: 2 })); break;
      case 'heading3': run(turnInto(schema.nodes.heading, { level: 3 })); break;
      case 'quote': run(turnInto(schema.nodes.quote)); break;
      case 'list': run(turnInto(schema.nodes.list, { ordered: false })); break;
      case 'olist': run(turnInto(schema.nodes.list, { ordered: true })); break;
      case 'divider': placeBlock(v.state, schema.nodes.divider.create(), v.dispatch); break;
      case 'image': media.chooseFile(v); break;
      case 'library': media.pick(v, 'image'); break;
      case 'video': media.pick(v, 'video'); break;
      default: break;
    }
    v.focus();
  };
  // "+": a "/" line after the block, which opens the menu (the same menu, keyboard or pointer).
  const openMenu = (v, index) => {
    const { state } = v;
    let block = currentBlock(state);
    if (index >= 0 && index < state.doc.childCount) {
      let start = 0;
      for (let i = 0; i < index; i++) start += state.doc.child(i).nodeSize;
      block = { index, start, node: state.doc.child(index) };
    }
    let tr = state.tr;
    if (block && block.node.type === schema.nodes.paragraph && !block.node.content.size) {
      tr = tr.insertText('/', block.start + 1);
      tr.setSelection(TextSelection.create(tr.doc, block.start + 2));
    } else {
      const pos = block ? block.start + block.node.nodeSize : state.doc.content.size;
      tr = tr.insert(pos, schema.nodes.paragraph.create(null, schema.text('/')));
      tr.setSelection(TextSelection.create(tr.doc, pos + 2));
    }
    v.dispatch(tr.scrollIntoView());
    v.focus();
  };

  const editLink = (state, dispatch, v) => {
    if (state.selection.empty && !markActive(state, schema.marks.link)) return false;
    const { from, to } = state.selection;
    let current = '';
    state.doc.nodesBetween(from, to, (node) => {
      const m = schema.marks.link.isInSet(node.marks);
      if (m) current = m.attrs.href;
    });
    dialog({
      title: t('link.title'),
      fields: [{ name: 'href', label: t('link.address'), value: current || 'https://', type: 'url', required: true }],
      ok: t('link.apply'),
      extra: current ? t('link.remove') : null,
      cancel: t('cancel'),
      validate: (values) => (/^(https?:\/\/[^\s]+|mailto:[^\s]+|\/[^\s/][^\s]*)$/.test(values.href) ? null : { href: t('link.invalid') }),
    }).then((result) => {
      if (!result) { v.focus(); return; }
      let tr = v.state.tr;
      const range = v.state.selection.empty ? linkRange(v.state) : { from: v.state.selection.from, to: v.state.selection.to };
      tr = tr.removeMark(range.from, range.to, schema.marks.link);
      if (!result.extra) tr = tr.addMark(range.from, range.to, schema.marks.link.create({ href: result.values.href }));
      v.dispatch(tr);
      v.focus();
    });
    return true;
  };
  const linkRange = (state) => {
    const { $from } = state.selection;
    const parent = $from.parent;
    const start = $from.start();
    let from = $from.pos;
    let to = $from.pos;
    const mark = schema.marks.link.isInSet($from.marks());
    parent.forEach((node, offset) => {
      if (mark && mark.isInSet(node.marks)) {
        if (start + offset <= $from.pos && start + offset + node.nodeSize >= $from.pos) {
          from = start + offset;
          to = start + offset + node.nodeSize;
        }
      }
    });
    return { from, to };
  };

  const submitWith = (op) => {
    const b = form.querySelector(`button[name=op][value="${op}"]`) || form.querySelector('button[type=submit]');
    form.requestSubmit(b);
  };
  const preview = () => {
    const el = document.querySelector('[data-shortcut=preview]') || document.querySelector('a[href$="/preview"]');
    if (el) el.click();
  };
  const showHelp = () => {
    const rows = [
      [`${MOD}+S`, t('help.save')], [`${MOD}+Shift+P`, t('help.preview')], ['/', t('help.insert')],
      [`${MOD}+B`, t('bold')], [`${MOD}+I`, t('italic')], [`${MOD}+K`, t('link')],
      [`${MOD}+Z`, t('undo')], [MAC ? '⇧⌘Z' : 'Ctrl+Y', t('redo')],
      ['Alt+Shift+↑ / ↓', t('help.move')], ['Enter', t('help.enter')], ['Shift+Tab, Tab', t('help.leave')],
      [`${MOD}+/`, t('help')],
    ];
    dialog({ title: t('help.title'), table: rows, ok: t('close') }).then(() => view.focus());
    return true;
  };

  const rules = inputRules({
    rules: [
      textblockTypeInputRule(/^##\s$/, schema.nodes.heading, { level: 2 }),
      textblockTypeInputRule(/^###\s$/, schema.nodes.heading, { level: 3 }),
      new InputRule(/^[-*]\s$/, (state, m, from, to) => listRule(state, from, to, false)),
      new InputRule(/^1[.)]\s$/, (state, m, from, to) => listRule(state, from, to, true)),
      new InputRule(/^>\s$/, (state, m, from, to) => {
        const $from = state.doc.resolve(from);
        if ($from.depth !== 1 || $from.parent.type !== schema.nodes.paragraph) return null;
        const rest = $from.parent.textContent.slice(to - from);
        const start = $from.before();
        const tr = state.tr.replaceWith(start, $from.after(), quoteNode(rest, ''));
        return tr.setSelection(TextSelection.create(tr.doc, start + 2 + rest.length));
      }),
    ],
  });
  function listRule(state, from, to, ordered) {
    const $from = state.doc.resolve(from);
    if ($from.depth !== 1 || $from.parent.type !== schema.nodes.paragraph) return null;
    const start = $from.before();
    const content = $from.parent.content.cut(to - from + (from - $from.start()));
    const tr = state.tr.replaceWith(start, $from.after(),
      schema.nodes.list.create({ ordered }, schema.nodes.list_item.create(null, content)));
    return tr.setSelection(TextSelection.create(tr.doc, start + 2));
  }

  const keys = {
    'Mod-b': toggleMark(schema.marks.strong),
    'Mod-i': toggleMark(schema.marks.em),
    'Mod-k': editLink,
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-y': redo,
    'Alt-Shift-ArrowUp': moveBlock(-1),
    'Alt-Shift-ArrowDown': moveBlock(1),
    'Mod-s': () => { submitWith('save'); return true; },
    'Shift-Mod-p': () => { preview(); return true; },
    'Mod-/': showHelp,
    Enter: chainCommands(enterInComposite, enterInList),
    Backspace: backspaceToParagraph,
    // Tab leaves the editor as in any form (no indentation in our blocks): the browser's default.
  };

  const state = EditorState.create({
    doc,
    plugins: [
      rules,
      slashMenu(blockItems, chooseBlock),
      keymap(keys),
      keymap(baseKeymap),
      history(),
      dropCursor({ class: 'rt-dropcursor' }),
      placeholders(),
      blockHandle(openMenu),
    ],
  });

  const autosave = new Autosave(root, form, () => writeBlocks(fields, view.state.doc), saveState);
  view = new EditorView(surface, {
    state,
    attributes: {
      class: 'rt-story',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': t('story'),
      lang,
      dir,
      spellcheck: 'true',
    },
    nodeViews: {
      image: (node, v, getPos) => new ImageView(node, v, getPos),
      video: (node, v, getPos) => new VideoView(node, v, getPos),
    },
    transformPastedHTML: cleanPastedHtml,
    handleDrop: (v, event) => media.handleDrop(v, event),
    handlePaste: (v, event) => media.handlePaste(v, event),
    dispatchTransaction(tr) {
      const next = view.state.apply(tr);
      view.updateState(next);
      if (tr.docChanged) {
        autosave.changed();
        updateCount();
      }
      const moved = tr.getMeta('moved');
      if (moved !== undefined) announcer.textContent = t('moved', moved + 1, next.doc.childCount);
      updateToolbar();
    },
  });
  media.view = view;

  const updateToolbar = () => {
    const s = view.state;
    bold.setAttribute('aria-pressed', String(markActive(s, schema.marks.strong)));
    italic.setAttribute('aria-pressed', String(markActive(s, schema.marks.em)));
    link.setAttribute('aria-pressed', String(markActive(s, schema.marks.link)));
    undoButton.disabled = !undo(s);
    redoButton.disabled = !redo(s);
  };
  const fmt = new Intl.NumberFormat(lang);
  const updateCount = () => {
    const c = counts(view.state.doc);
    const parts = [];
    if (c.words) parts.push(t('count.words', fmt.format(c.words)));
    if (c.characters) parts.push(t('count.characters', fmt.format(c.characters)));
    if (!parts.length) parts.push(t('count.words', fmt.format(0)));
    parts.push(t('count.reading', fmt.format(c.minutes)));
    count.textContent = parts.join(' · ');
  };
  updateCount();
  updateToolbar();
  // The page's own count (of the saved text, for the form without JavaScript) gives way to the live one.
  const savedCount = document.getElementById('word-count');
  if (savedCount && savedCount.closest('p.count')) savedCount.closest('p.count').hidden = true;

  const run = (cmd) => () => { cmd(view.state, view.dispatch, view); view.focus(); };
  bold.addEventListener('click', run(toggleMark(schema.marks.strong)));
  italic.addEventListener('click', run(toggleMark(schema.marks.em)));
  link.addEventListener('click', () => { if (!editLink(view.state, view.dispatch, view)) view.focus(); });
  undoButton.addEventListener('click', run(undo));
  redoButton.addEventListener('click', run(redo));
  insert.addEventListener('click', () => openMenu(view, -1));
  image.addEventListener('click', () => media.chooseFile(view));
  help.addEventListener('click', showHelp);
  // The same shortcuts from anywhere on the page (the headline, the lead...), not only inside the story. A key the
  // story's keymap took is done (defaultPrevented): its dialog has the focus by now, so view.hasFocus() alone would
  // let the key act twice (two help dialogs, one left open after Escape).
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || view.hasFocus() || !(e.ctrlKey || e.metaKey)) return;
    const k = e.key.toLowerCase();
    if (k === 's' && !e.shiftKey) { e.preventDefault(); submitWith('save'); }
    else if (k === 'p' && e.shiftKey) { e.preventDefault(); preview(); }
    else if (k === '/') { e.preventDefault(); showHelp(); }
  });

  form.addEventListener('submit', (e) => {
    writeBlocks(fields, view.state.doc);
    autosave.submitting(e);
  });
  form.addEventListener('input', (e) => { if (!surface.contains(e.target)) autosave.changed(); });
  form.addEventListener('change', (e) => { if (!surface.contains(e.target)) autosave.changed(); });
  // Other helpers' actions (preview, workflow buttons) that post the form by script ask for the blocks first.
  form.addEventListener('shortwave:collect', () => writeBlocks(fields, view.state.doc));
  writeBlocks(fields, view.state.doc);
  autosave.start(view, (restored) => {
    view.updateState(EditorState.create({ doc: restored, plugins: view.state.plugins }));
    writeBlocks(fields, view.state.doc);
    updateCount();
  });
  followHeadline(form, root.dataset.edition);
  root.editorView = view;
  window.shortwaveEditor = { view, form, writeBlocks: () => writeBlocks(fields, view.state.doc), autosave, NodeSelection };
}

const root = document.querySelector('[data-richtext]');
if (root) start(root);
