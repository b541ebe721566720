// The slug follows the headline while the writer has not made it her own (blank on load, or still the last
// suggestion): GET /admin/slug (ADR 0019) answers it in the headline's own script.
export function followHeadline(form, edition) {
  const headline = form.elements.namedItem('headline');
  const slug = form.elements.namedItem('slug');
  if (!headline || !slug) return;
  let suggested = slug.value ? null : '';
  let timer;
  let asked = 0;
  headline.addEventListener('input', () => {
    if (suggested === null || slug.value !== suggested) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const params = new URLSearchParams({ edition, headline: headline.value });
        const r = await fetch(`/admin/slug?${params}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!r.ok || mine !== asked) return;
        const json = await r.json();
        if (slug.value === suggested && typeof json.slug === 'string') {
          slug.value = json.slug;
          suggested = json.slug;
        }
      } catch (e) { /* the server makes one on save */ }
    }, 400);
  });
}
