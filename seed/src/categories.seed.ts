import { CATEGORIES, EXACT_PUBLIC_POINT, expandKeywords } from './categories.data';
import { countRows, execute, SeedStep } from './seed-step';

export const categoriesStep: SeedStep = {
  name: 'categories',
  async run(client) {
    const rows = CATEGORIES.map((c, i) => ({
      code: c.code,
      name_vi: c.nameVi,
      name_en: c.nameEn,
      group_code: c.group.code,
      group_vi: c.group.vi,
      group_en: c.group.en,
      hint_vi: c.hintVi,
      hint_en: c.hintEn,
      keywords: expandKeywords(c.keywords),
      priority: c.priority,
      level: c.defaultUnit ? 'department' : 'ward',
      unit: c.defaultUnit,
      attributes: c.attributes ?? [],
      is_public: c.isPublic ?? true,
      exact_public_point: EXACT_PUBLIC_POINT.includes(c.code),
      sort_order: (i + 1) * 10,
    }));
    // DO NOTHING: once seeded, categories belong to the admins; a re-run must not undo their edits.
    const inserted = await execute(
      client,
      `INSERT INTO category (code, name_vi, name_en, group_code, group_vi, group_en, hint_vi, hint_en, keywords,
                             default_priority, handling_level, default_unit_id, attributes, is_public, exact_public_point, sort_order)
       SELECT c.code, c.name_vi, c.name_en, c.group_code, c.group_vi, c.group_en, c.hint_vi, c.hint_en,
              ARRAY(SELECT jsonb_array_elements_text(c.keywords)), c.priority::priority, c.level::handling_level,
              u.id, c.attributes, c.is_public, c.exact_public_point, c.sort_order
       FROM jsonb_to_recordset($1::jsonb) AS c(code text, name_vi text, name_en text, group_code text, group_vi text,
              group_en text, hint_vi text, hint_en text, keywords jsonb, priority text, level text, unit text,
              attributes jsonb, is_public boolean, exact_public_point boolean, sort_order int)
       LEFT JOIN handling_unit u ON u.code = c.unit
       ON CONFLICT (code) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    return { inserted, total: await countRows(client, 'SELECT count(*) AS n FROM category') };
  },
};
