// The live count under the story: words for space-separated scripts, characters for Chinese and Japanese (as
// their newsrooms count), and a reading time from both.
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]/gu;
const WORDS_A_MINUTE = 230;
const CHARACTERS_A_MINUTE = 400;

export function counts(doc) {
  let text = '';
  doc.descendants((node) => {
    if (node.isTextblock) text += `${node.textContent}\n`;
    return true;
  });
  const characters = (text.match(HAN) || []).length;
  const rest = text.replace(HAN, ' ');
  const words = (rest.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*/gu) || []).length;
  const minutes = Math.max(1, Math.round(words / WORDS_A_MINUTE + characters / CHARACTERS_A_MINUTE));
  return { words, characters, minutes };
}
