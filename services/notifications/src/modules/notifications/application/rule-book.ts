import { definitionKey, POSITION_TYPES, type EventDefinition } from '@sangathan/contracts';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  ruleFileSchema,
  templateFileSchema,
  type Cancellation,
  type Reschedule,
  type Rule,
  type RuleFile,
} from './rule-file.schema';
import { TemplateCatalog } from './template-catalog';
import { YamlFile } from './yaml-file';

type Problem = { path: (string | number)[]; message: string };

/** Top-level fields of an event's payload (every contract payload is a zod object). */
function payloadFields(definition: EventDefinition): Set<string> {
  const shape = (definition.payload as unknown as { shape?: Record<string, z.ZodType> }).shape;
  return new Set(Object.keys(shape ?? {}));
}

/**
 * The rules and templates in force, loaded from their files and checked against each other and against the
 * contracts of the events this service consumes: an unknown event type, payload field, position, template,
 * variable or channel refuses the whole file (with the line), so a bad edit never half-applies.
 */
export class RuleBook {
  private constructor(
    readonly version: string,
    readonly rules: readonly Rule[],
    readonly cancellations: readonly Cancellation[],
    readonly reschedules: readonly Reschedule[],
    readonly templates: TemplateCatalog,
    private readonly byEvent: Map<string, Rule[]>,
    private readonly cancellationsByEvent: Map<string, Cancellation[]>,
    private readonly reschedulesByEvent: Map<string, Reschedule[]>,
  ) {}

  static fromFiles(rulesPath: string, templatesPath: string, consumed: readonly EventDefinition[]): RuleBook {
    const templates = TemplateCatalog.load(
      YamlFile.parse(templatesPath, readFileSync(templatesPath, 'utf8'), templateFileSchema),
    );
    return RuleBook.fromText(rulesPath, readFileSync(rulesPath, 'utf8'), templates, consumed);
  }

  static fromText(
    name: string,
    text: string,
    templates: TemplateCatalog,
    consumed: readonly EventDefinition[],
  ): RuleBook {
    const file = YamlFile.parse(name, text, ruleFileSchema);
    const definitions = new Map(consumed.map((d) => [definitionKey(d.type, d.version), d]));
    const problems: Problem[] = [];
    const ids = new Set<string>();
    file.value.rules.forEach((rule, i) => {
      const at = (...path: (string | number)[]) => ['rules', i, ...path];
      if (ids.has(rule.id)) problems.push({ path: at('id'), message: `rule id ${rule.id} is used twice` });
      ids.add(rule.id);
      const definition = definitions.get(definitionKey(rule.on, rule.version));
      if (!definition) {
        problems.push({
          path: at('on'),
          message: `unknown event type ${rule.on} v${rule.version} (this service consumes ${[...definitions.keys()].join(', ')})`,
        });
        return;
      }
      const fields = payloadFields(definition);
      const field = (path: (string | number)[], name: string) => {
        if (!fields.has(name)) problems.push({ path, message: `${rule.on} has no payload field ${name}` });
      };
      for (const key of Object.keys(rule.when ?? {})) field(at('when', key), key);
      field(at('area'), rule.area);
      if (rule.subject) field(at('subject'), rule.subject);
      if (rule.at) field(at('at', 'field'), rule.at.field);
      rule.to.forEach((recipient, j) => {
        if ('member' in recipient) field(at('to', j, 'member'), recipient.member);
        else {
          field(at('to', j, 'of'), recipient.of);
          if (!(POSITION_TYPES as readonly string[]).includes(recipient.position))
            problems.push({
              path: at('to', j, 'position'),
              message: `unknown position ${recipient.position}`,
            });
        }
      });
      if (new Set(rule.channels).size !== rule.channels.length)
        problems.push({ path: at('channels'), message: 'a channel is listed twice' });
      problems.push(
        ...RuleBook.checkVariables(rule.vars, rule.template, templates, at('vars'), fields, false),
      );
      if (rule.digest) {
        if (rule.digest.window === 'day' && !rule.digest.sendAt)
          problems.push({ path: at('digest'), message: 'a daily digest needs sendAt (HH:mm IST)' });
        problems.push(
          ...RuleBook.checkVariables(
            rule.digest.vars,
            rule.digest.template,
            templates,
            at('digest', 'vars'),
            fields,
            true,
          ),
        );
      }
    });
    file.value.cancellations.forEach((cancellation, i) => {
      const definition = definitions.get(definitionKey(cancellation.on, cancellation.version));
      if (!definition)
        problems.push({
          path: ['cancellations', i, 'on'],
          message: `unknown event type ${cancellation.on} v${cancellation.version}`,
        });
      else if (!payloadFields(definition).has(cancellation.subject))
        problems.push({
          path: ['cancellations', i, 'subject'],
          message: `${cancellation.on} has no payload field ${cancellation.subject}`,
        });
      cancellation.rules.forEach((id, j) => {
        const rule = file.value.rules.find((r) => r.id === id);
        if (!rule) problems.push({ path: ['cancellations', i, 'rules', j], message: `unknown rule ${id}` });
        else if (!rule.subject)
          problems.push({
            path: ['cancellations', i, 'rules', j],
            message: `rule ${id} has no subject to match`,
          });
      });
    });
    file.value.reschedules.forEach((reschedule, i) => {
      const definition = definitions.get(definitionKey(reschedule.on, reschedule.version));
      const fields = definition ? payloadFields(definition) : new Set<string>();
      if (!definition)
        problems.push({
          path: ['reschedules', i, 'on'],
          message: `unknown event type ${reschedule.on} v${reschedule.version}`,
        });
      else if (!fields.has(reschedule.subject))
        problems.push({
          path: ['reschedules', i, 'subject'],
          message: `${reschedule.on} has no payload field ${reschedule.subject}`,
        });
      reschedule.rules.forEach((id, j) => {
        const path = ['reschedules', i, 'rules', j];
        const rule = file.value.rules.find((r) => r.id === id);
        if (!rule) problems.push({ path, message: `unknown rule ${id}` });
        else if (!rule.subject || !rule.at)
          problems.push({ path, message: `rule ${id} is no reminder with a subject (needs subject and at)` });
        else if (definition && !fields.has(rule.at.field))
          problems.push({
            path,
            message: `${reschedule.on} has no payload field ${rule.at.field}, the time rule ${id} is due by`,
          });
      });
    });
    if (problems.length > 0) file.refuse(problems);
    return RuleBook.index(file.value, templates);
  }

  private static checkVariables(
    vars: Record<string, string>,
    templateId: string,
    templates: TemplateCatalog,
    path: (string | number)[],
    fields: Set<string>,
    digest: boolean,
  ): Problem[] {
    const problems: Problem[] = [];
    if (!templates.has(templateId))
      return [{ path: path.slice(0, -1).concat('template'), message: `unknown template ${templateId}` }];
    const needed = templates.variables(templateId);
    for (const name of needed)
      if (!(name in vars))
        problems.push({
          path,
          message: `template ${templateId} needs variable ${name}, which the rule does not give`,
        });
    for (const [name, source] of Object.entries(vars)) {
      if (!needed.includes(name))
        problems.push({
          path: [...path, name],
          message: `unknown variable ${name}: template ${templateId} does not use it`,
        });
      if (source.startsWith('payload.') && (digest || !fields.has(source.slice('payload.'.length))))
        problems.push({
          path: [...path, name],
          message: digest
            ? 'a digest summarises several events: payload fields are not available'
            : `no payload field ${source.slice(8)}`,
        });
      if (source === 'digest.count' && !digest)
        problems.push({ path: [...path, name], message: 'digest.count exists only in digests' });
    }
    return problems;
  }

  private static index(file: RuleFile, templates: TemplateCatalog): RuleBook {
    const byEvent = new Map<string, Rule[]>();
    for (const rule of file.rules) {
      const key = definitionKey(rule.on, rule.version);
      byEvent.set(key, [...(byEvent.get(key) ?? []), rule]);
    }
    const cancellations = new Map<string, Cancellation[]>();
    for (const c of file.cancellations) {
      const key = definitionKey(c.on, c.version);
      cancellations.set(key, [...(cancellations.get(key) ?? []), c]);
    }
    const reschedules = new Map<string, Reschedule[]>();
    for (const r of file.reschedules) {
      const key = definitionKey(r.on, r.version);
      reschedules.set(key, [...(reschedules.get(key) ?? []), r]);
    }
    const version = `${file.rules.length} rules, ${file.cancellations.length} cancellations, ${file.reschedules.length} reschedules`;
    return new RuleBook(
      version,
      file.rules,
      file.cancellations,
      file.reschedules,
      templates,
      byEvent,
      cancellations,
      reschedules,
    );
  }

  rulesFor(type: string, version: number): readonly Rule[] {
    return this.byEvent.get(definitionKey(type, version)) ?? [];
  }

  cancellationsFor(type: string, version: number): readonly Cancellation[] {
    return this.cancellationsByEvent.get(definitionKey(type, version)) ?? [];
  }

  reschedulesFor(type: string, version: number): readonly Reschedule[] {
    return this.reschedulesByEvent.get(definitionKey(type, version)) ?? [];
  }

  rule(id: string): Rule | undefined {
    return this.rules.find((r) => r.id === id);
  }
}
