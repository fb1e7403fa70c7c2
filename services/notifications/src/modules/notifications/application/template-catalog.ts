import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageContent } from '../domain/notification-message.entity';
import { IST_TIME_ZONE } from './ist';
import type { TemplateFile } from './rule-file.schema';
import type { YamlFile } from './yaml-file';

/** Named ICU formats templates use: `{startsAt, date, ist}`, `{startsAt, time, ist}`. */
const FORMATS = {
  date: { ist: { timeZone: IST_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' } },
  time: { ist: { timeZone: IST_TIME_ZONE, hour: 'numeric', minute: '2-digit' } },
} as const;

/** Locales for number grouping (lakh/crore: 12,34,567) and month names. */
const LOCALES: Record<string, string> = { hi: 'hi-IN', en: 'en-IN' };

type Compiled = { subject: IntlMessageFormat; body: IntlMessageFormat };
export type TemplateDefinition = TemplateFile['templates'][string];

/** ICU arguments a message refers to, nested plurals and selects included. */
function argumentsOf(elements: unknown[], into = new Set<string>()): Set<string> {
  for (const element of elements as {
    type: number;
    value?: unknown;
    options?: Record<string, { value: unknown[] }>;
    children?: unknown[];
  }[]) {
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (icu-messageformat-parser's TYPE)
    if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') into.add(element.value);
    for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, into);
    if (element.children) argumentsOf(element.children, into);
  }
  return into;
}

// Intl formatters are costly to build and safe to share: one of each per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatterOf<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let formatter = cache.get(locale);
  if (!formatter) cache.set(locale, (formatter = make()));
  return formatter;
}

/** Values as a provider template parameter gets them: dates in IST, numbers with Indian grouping. */
function formatParam(value: unknown, locale: string): string {
  if (value instanceof Date)
    return formatterOf(
      dateFormats,
      locale,
      () => new Intl.DateTimeFormat(locale, { ...FORMATS.date.ist, ...FORMATS.time.ist }),
    ).format(value);
  if (typeof value === 'number')
    return formatterOf(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
  return String(value ?? '');
}

/**
 * Hindi and English message templates (ICU MessageFormat), compiled once. Loading refuses a template that
 * lacks a language or uses a variable it does not declare, so nothing fails at send time.
 */
export class TemplateCatalog {
  private constructor(
    private readonly file: TemplateFile,
    private readonly compiled: Map<string, Map<string, Compiled>>,
  ) {}

  static load(source: YamlFile<TemplateFile>): TemplateCatalog {
    const file = source.value;
    const problems: { path: (string | number)[]; message: string }[] = [];
    if (!file.languages.includes(file.fallback))
      problems.push({ path: ['fallback'], message: `fallback ${file.fallback} is not one of the languages` });
    const compiled = new Map<string, Map<string, Compiled>>();
    for (const [id, template] of Object.entries(file.templates)) {
      const byLanguage = new Map<string, Compiled>();
      const declared = new Set(template.variables);
      for (const language of file.languages) {
        const text = template[language] as { subject: string; body: string } | undefined;
        if (!text || typeof text !== 'object' || !('body' in text)) {
          problems.push({ path: ['templates', id], message: `template ${id} has no ${language} text` });
          continue;
        }
        const formats: Compiled = {} as Compiled;
        for (const part of ['subject', 'body'] as const) {
          try {
            const format = new IntlMessageFormat(text[part], LOCALES[language] ?? language, FORMATS);
            for (const name of argumentsOf(format.getAst()))
              if (!declared.has(name))
                problems.push({
                  path: ['templates', id, language, part],
                  message: `uses {${name}}, not among the variables of ${id}`,
                });
            formats[part] = format;
          } catch (error) {
            problems.push({
              path: ['templates', id, language, part],
              message: `not ICU MessageFormat: ${(error as Error).message}`,
            });
          }
        }
        byLanguage.set(language, formats);
      }
      for (const key of Object.keys(template))
        if (!['variables', 'whatsapp', 'sms', ...file.languages].includes(key))
          problems.push({
            path: ['templates', id, key],
            message: `${key} is not one of the languages ${file.languages.join(', ')}`,
          });
      compiled.set(id, byLanguage);
    }
    if (problems.length > 0) source.refuse(problems);
    return new TemplateCatalog(file, compiled);
  }

  has(templateId: string): boolean {
    return this.compiled.has(templateId);
  }

  variables(templateId: string): readonly string[] {
    return this.file.templates[templateId]?.variables ?? [];
  }

  /** The member's language when templates have it, else the fallback. */
  language(preferred: string): string {
    return this.file.languages.includes(preferred) ? preferred : this.file.fallback;
  }

  render(
    templateId: string,
    preferred: string,
    values: Record<string, unknown>,
  ): MessageContent & { language: string } {
    const template = this.file.templates[templateId];
    const language = this.language(preferred);
    const compiled = this.compiled.get(templateId)?.get(language);
    if (!template || !compiled) throw new Error(`unknown template ${templateId}`);
    const locale = LOCALES[language] ?? language;
    return {
      language,
      templateId,
      subject: String(compiled.subject.format(values as never)),
      body: String(compiled.body.format(values as never)),
      params: template.variables.map((name) => ({ name, value: formatParam(values[name], locale) })),
      whatsappTemplate: template.whatsapp?.name ?? null,
      dltTemplateId: template.sms?.dltTemplateId ?? null,
    };
  }
}
