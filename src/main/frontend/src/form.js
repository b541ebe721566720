// The one form is the contract (docs/editor-guide.md): the editor reads the story from the plain form's
// blocks.N.* fields and writes it back into hidden blocks.N.* inputs before every submit and autosave. Inline
// marks travel as the form's text marks: **strong**, *emphasis*, [text](https://...).
import { DOMParser as PMParser, Fragment } from 'prosemirror-model';
import { schema, quoteNode, imageNode } from './schema.js';

const LINK = /\[([^\]\n]{1,500})\]\(((?:https?:\/\/|mailto:|\/)[^)\s]{1,2000})\)/g;
const STRONG = /\*\*([^*\n]{1,2000})\*\*/g;
const EM = /\*([^*\n]{1,2000})\*/g;

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Marked text to inline nodes, by the same three rules, in the same order, as the server's EditorText. */
export function inlineFromMarks(marked) {
  let html = escapeHtml((marked || '').trim());
  html = html.replace(LINK, (m, text, href) => `<a href="${href}">${text}</a>`);
  html = html.replace(STRONG, (m, text) => `<strong>${text}</strong>`);
  html = html.replace(EM, (m, text) => `<em>${text}</em>`);
  const dom = document.createElement('p');
  dom.innerHTML = html; // only our own tags: every other character was escaped above
  return PMParser.fromSchema(schema).parse(dom, { topNode: schema.nodes.paragraph.create() }).content;
}

const ORDER = ['link', 'strong', 'em'];
const OPEN = { strong: () => '**', em: () => '*', link: () => '[' };
const CLOSE = { strong: () => '**', em: () => '*', link: (m) => `](${m.attrs.href})` };

/** Inline nodes back to marked text: marks opened outermost-first (link, strong, em) and closed in reverse. */
export function marksFromInline(fragment) {
  let out = '';
  const open = [];
  const closeFrom = (index) => {
    while (open.length > index) {
      const mark = open.pop();
      out += CLOSE[mark.type.name](mark);
    }
  };
  fragment.forEach((node) => {
    if (!node.isText) return;
    const wanted = ORDER.map((name) => node.marks.find((m) => m.type.name === name)).filter(Boolean);
    let keep = 0;
    while (keep < open.length && keep < wanted.length && open[keep].eq(wanted[keep])) keep++;
    closeFrom(keep);
    for (let i = keep; i < wanted.length; i++) {
      out += OPEN[wanted[i].type.name](wanted[i]);
      open.push(wanted[i]);
    }
    out += node.text;
  });
  closeFrom(0);
  return out;
}

function field(form, name) {
  const el = form.elements.namedItem(name);
  if (!el) return '';
  if (el.type === 'checkbox') return el.checked ? 'on' : '';
  return el.value || '';
}

function mediaLabel(form, name) {
  const el = form.elements.namedItem(name);
  return el && el.selectedOptions && el.selectedOptions[0] ? el.selectedOptions[0].textContent.trim() : '';
}

/** The story as the plain form holds it, as an editor document. */
export function docFromForm(form) {
  const blocks = [];
  for (let i = 0; form.elements.namedItem(`blocks.${i}.type`); i++) {
    const p = `blocks.${i}.`;
    const text = field(form, p + 'text');
    switch (field(form, p + 'type')) {
      case 'paragraph':
        blocks.push(schema.nodes.paragraph.create(null, inlineFromMarks(text)));
        break;
      case 'heading':
        blocks.push(schema.nodes.heading.create({ level: field(form, p + 'level') === '3' ? 3 : 2 },
          text.trim() ? schema.text(text.trim()) : null));
        break;
      case 'quote':
        blocks.push(quoteNode(text.trim(), field(form, p + 'attribution').trim()));
        break;
      case 'image':
        blocks.push(imageNode({ media: field(form, p + 'media'), alt: mediaLabel(form, p + 'media') },
          field(form, p + 'caption'), field(form, p + 'credit')));
        break;
      case 'video':
        blocks.push(schema.nodes.video.create({ media: field(form, p + 'media'), title: mediaLabel(form, p + 'media') }));
        break;
      case 'list': {
        const items = field(form, p + 'items').split('\n').filter((l) => l.trim());
        const nodes = (items.length ? items : ['']).map((l) => schema.nodes.list_item.create(null, inlineFromMarks(l)));
        blocks.push(schema.nodes.list.create({ ordered: field(form, p + 'ordered') === 'on' }, nodes));
        break;
      }
      case 'divider':
        blocks.push(schema.nodes.divider.create());
        break;
      default:
        break;
    }
  }
  if (!blocks.length) blocks.push(schema.nodes.paragraph.create());
  return schema.nodes.doc.create(null, Fragment.fromArray(blocks));
}

/** The document as the form's block fields: a list of [name, value] pairs, blocks numbered from 0. */
export function blockFields(doc) {
  const fields = [];
  let n = 0;
  doc.forEach((node) => {
    const p = `blocks.${n}.`;
    const add = (name, value) => fields.push([p + name, value]);
    switch (node.type.name) {
      case 'paragraph':
        // An empty paragraph is where the cursor waits, not a block of the story.
        if (!node.textContent.trim()) return;
        add('type', 'paragraph');
        add('text', marksFromInline(node.content));
        break;
      case 'heading':
        if (!node.textContent.trim()) return;
        add('type', 'heading');
        add('text', node.textContent);
        add('level', String(node.attrs.level));
        break;
      case 'quote':
        add('type', 'quote');
        add('text', node.child(0).textContent);
        add('attribution', node.child(1).textContent);
        break;
      case 'image':
        add('type', 'image');
        add('media', node.attrs.media);
        add('caption', node.child(0).textContent);
        add('credit', node.child(1).textContent);
        break;
      case 'video':
        add('type', 'video');
        add('media', node.attrs.media);
        break;
      case 'list': {
        const items = [];
        node.forEach((item) => { if (item.textContent.trim()) items.push(marksFromInline(item.content)); });
        if (!items.length) return;
        add('type', 'list');
        add('items', items.join('\n'));
        if (node.attrs.ordered) add('ordered', 'on');
        break;
      }
      case 'divider':
        add('type', 'divider');
        break;
      default:
        return;
    }
    n++;
  });
  return fields;
}

/**
 * Replaces the form's block fields by hidden inputs holding the document, inside the container the editor owns.
 * The plain block fieldsets were removed when the editor started, so nothing else posts blocks.N.*.
 */
export function writeBlocks(container, doc) {
  const inputs = blockFields(doc).map(([name, value]) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    return input;
  });
  container.replaceChildren(...inputs);
}
