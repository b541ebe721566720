// The story's schema: exactly the server's block model (content.Block), nothing more, so that what the editor
// holds is always something the form can carry. Paste and drop go through these parse rules, which is the
// first cleaning; the server's sanitizer has the last word.
import { Schema } from 'prosemirror-model';

const plain = { content: 'text*', marks: '' };
const textDir = { dir: 'auto' };

/** Google Docs marks bold and italic with inline styles, and wraps a paste in a <b style="font-weight:normal">. */
function boldFromStyle(value) {
  return /^(bold(er)?|[6-9]00)$/.test(value) && null;
}

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    text: { group: 'inline' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }, { tag: 'div', priority: 10 }],
      toDOM: () => ['p', textDir, 0],
    },
    heading: {
      group: 'block',
      attrs: { level: { default: 2 } },
      ...plain,
      defining: true,
      parseDOM: [
        { tag: 'h1', attrs: { level: 2 } }, { tag: 'h2', attrs: { level: 2 } },
        { tag: 'h3', attrs: { level: 3 } }, { tag: 'h4', attrs: { level: 3 } },
        { tag: 'h5', attrs: { level: 3 } }, { tag: 'h6', attrs: { level: 3 } },
      ],
      toDOM: (node) => ['h' + node.attrs.level, textDir, 0],
    },
    quote: {
      group: 'block',
      content: 'quote_text quote_by',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: () => ['blockquote', { class: 'rt-quote' }, 0],
    },
    quote_text: {
      ...plain,
      parseDOM: [{ tag: 'p', context: 'quote/', priority: 60 }, { tag: 'div.rt-quote-text' }],
      toDOM: () => ['p', { ...textDir, class: 'rt-quote-text' }, 0],
    },
    quote_by: {
      ...plain,
      parseDOM: [{ tag: 'cite' }, { tag: 'footer' }],
      toDOM: () => ['p', { ...textDir, class: 'rt-quote-by' }, 0],
    },
    image: {
      group: 'block',
      content: 'image_caption image_credit',
      attrs: { media: { default: '' }, src: { default: '' }, alt: { default: '' } },
      draggable: true,
      // Pasted <img> from elsewhere are not ours to publish: they are dropped (no parse rule).
      toDOM: (node) => ['figure', { class: 'rt-image', 'data-media': node.attrs.media }, 0],
    },
    image_caption: {
      ...plain,
      toDOM: () => ['p', { ...textDir, class: 'rt-caption' }, 0],
    },
    image_credit: {
      ...plain,
      toDOM: () => ['p', { ...textDir, class: 'rt-credit' }, 0],
    },
    video: {
      group: 'block',
      atom: true,
      selectable: true,
      draggable: true,
      attrs: { media: { default: '' }, title: { default: '' }, poster: { default: '' } },
      toDOM: (node) => ['figure', { class: 'rt-video', 'data-media': node.attrs.media }],
    },
    list: {
      group: 'block',
      content: 'list_item+',
      attrs: { ordered: { default: false } },
      parseDOM: [{ tag: 'ul', attrs: { ordered: false } }, { tag: 'ol', attrs: { ordered: true } }],
      toDOM: (node) => [node.attrs.ordered ? 'ol' : 'ul', 0],
    },
    list_item: {
      content: 'inline*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', textDir, 0],
    },
    divider: {
      group: 'block',
      atom: true,
      selectable: true,
      parseDOM: [{ tag: 'hr' }],
      toDOM: () => ['div', { class: 'rt-divider' }, ['hr']],
    },
  },
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [{
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = dom.getAttribute('href') || '';
          return /^(https?:\/\/|mailto:|\/(?!\/))/i.test(href) ? { href } : false;
        },
      }],
      toDOM: (mark) => ['a', { href: mark.attrs.href, rel: 'noopener noreferrer' }, 0],
    },
    strong: {
      parseDOM: [
        { tag: 'strong' },
        { tag: 'b', getAttrs: (dom) => (/(^|;)\s*font-weight:\s*(normal|400)/.test(dom.getAttribute('style') || '') ? false : null) },
        { style: 'font-weight', getAttrs: boldFromStyle },
      ],
      toDOM: () => ['strong', 0],
    },
    em: {
      parseDOM: [
        { tag: 'em' }, { tag: 'i' },
        { style: 'font-style', getAttrs: (value) => value === 'italic' && null },
      ],
      toDOM: () => ['em', 0],
    },
  },
});

/** Quote and image children: rebuilt from text when a quote comes in a paste as a plain blockquote. */
export function quoteNode(text, by) {
  return schema.nodes.quote.create(null, [
    schema.nodes.quote_text.create(null, text ? schema.text(text) : null),
    schema.nodes.quote_by.create(null, by ? schema.text(by) : null),
  ]);
}

export function imageNode(attrs, caption, credit) {
  return schema.nodes.image.create(attrs, [
    schema.nodes.image_caption.create(null, caption ? schema.text(caption) : null),
    schema.nodes.image_credit.create(null, credit ? schema.text(credit) : null),
  ]);
}
