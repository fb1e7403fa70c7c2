import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigFileError } from './config-file-error';
import { CONSUMED_EVENTS } from './consumed-events';
import { RuleBook } from './rule-book';
import { templateFileSchema } from './rule-file.schema';
import { TemplateCatalog } from './template-catalog';
import { YamlFile } from './yaml-file';

const config = join(__dirname, '../../../../config');
const templatesText = readFileSync(join(config, 'templates.yaml'), 'utf8');
const rulesText = readFileSync(join(config, 'rules.yaml'), 'utf8');
const templates = () =>
  TemplateCatalog.load(YamlFile.parse('templates.yaml', templatesText, templateFileSchema));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function refusal(load: () => unknown): ConfigFileError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('the rule and template files', () => {
  it('loads the shipped rules and templates', () => {
    const book = RuleBook.fromText('rules.yaml', rulesText, templates(), CONSUMED_EVENTS);
    expect(book.rulesFor('training.participant.invited', 1).map((r) => r.id)).toEqual([
      'training-invitation',
      'training-reminder-day',
      'training-reminder-hour',
    ]);
  });

  it('moves the session reminders on a reschedule, and refuses a reschedule of a rule that is no reminder', () => {
    const book = RuleBook.fromText('rules.yaml', rulesText, templates(), CONSUMED_EVENTS);
    expect(book.reschedulesFor('training.session.rescheduled', 1)[0].rules).toEqual([
      'training-reminder-day',
      'training-reminder-hour',
    ]);
    const moved = 'rules: [training-reminder-day, training-reminder-hour]\n';
    const at = rulesText.lastIndexOf(moved);
    const text = `${rulesText.slice(0, at)}rules: [training-reminder-day, training-invitation]\n${rulesText.slice(at + moved.length)}`;
    const lines = text.split('\n');
    const error = refusal(() => RuleBook.fromText('rules.yaml', text, templates(), CONSUMED_EVENTS));
    expect(error.problems).toEqual([
      expect.objectContaining({
        line: lines.lastIndexOf('    rules: [training-reminder-day, training-invitation]') + 1,
        message: expect.stringMatching(/training-invitation is no reminder/),
      }),
    ]);
  });

  it('refuses an unknown event type with its line', () => {
    const text = rulesText.replace('on: meetings.quota.missed', 'on: meetings.quota.mised');
    const error = refusal(() => RuleBook.fromText('rules.yaml', text, templates(), CONSUMED_EVENTS));
    expect(error.problems[0]).toMatchObject({
      line: lineOf(text, 'meetings.quota.mised'),
      path: 'rules.3.on',
    });
    expect(error.message).toContain(`rules.yaml:${lineOf(text, 'meetings.quota.mised')}:9`);
  });

  it('refuses a variable the template does not use, and a payload field the event does not have', () => {
    const text = rulesText.replace(
      'vars: { name: recipient.name, title: payload.title, dueAt: payload.dueAt }',
      'vars: { name: recipient.name, title: payload.titel, dueAt: payload.dueAt, colour: area.name }',
    );
    const error = refusal(() => RuleBook.fromText('rules.yaml', text, templates(), CONSUMED_EVENTS));
    expect(error.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(['no payload field titel', expect.stringMatching(/unknown variable colour/)]),
    );
    expect(error.problems[0].line).toBe(lineOf(text, 'payload.titel'));
  });

  it('refuses an unknown channel and an unknown position', () => {
    const text = rulesText
      .replace('channels: [whatsapp, sms, inbox]', 'channels: [whatsapp, telegram]')
      .replace('position: district-incharge', 'position: district-in-charge');
    const error = refusal(() => RuleBook.fromText('rules.yaml', text, templates(), CONSUMED_EVENTS));
    expect(error.problems[0].line).toBe(lineOf(text, 'telegram'));
    // Schema problems come first; the position is checked once the shape is right.
    const position = refusal(() =>
      RuleBook.fromText(
        'rules.yaml',
        rulesText.replace('position: district-incharge', 'position: district-in-charge'),
        templates(),
        CONSUMED_EVENTS,
      ),
    );
    expect(position.problems[0]).toMatchObject({ message: 'unknown position district-in-charge' });
  });

  it('refuses a template missing a language or using an undeclared variable, at load', () => {
    const missing = templatesText.replace(/ {4}en:\n {6}subject: 'New task'\n.*\n/, '');
    expect(
      refusal(() => TemplateCatalog.load(YamlFile.parse('t.yaml', missing, templateFileSchema))).message,
    ).toMatch(/template task-assigned has no en text/);
    const undeclared = templatesText.replace(
      "body: '{name}, you have a new task",
      "body: '{nam}, you have a new task",
    );
    const error = refusal(() =>
      TemplateCatalog.load(YamlFile.parse('t.yaml', undeclared, templateFileSchema)),
    );
    expect(error.problems[0]).toMatchObject({
      line: lineOf(undeclared, '{nam}'),
      message: expect.stringMatching(/uses \{nam\}/),
    });
  });

  it('renders Hindi with Indian number grouping and IST dates, and falls back to English for another language', () => {
    const catalog = templates();
    const hi = catalog.render('momentum-low', 'hi', {
      name: 'राम',
      areaName: 'लखनऊ',
      score: 1234567.4,
      threshold: 35,
    });
    expect(hi.body).toBe('राम जी, लखनऊ की सक्रियता 12,34,567 पर है, सीमा 35 से नीचे। कृपया ध्यान दें।');
    const en = catalog.render('task-due', 'ur', {
      name: 'Sita',
      title: 'Booth list',
      dueAt: new Date('2027-01-11T18:45:00Z'),
    });
    expect(en.language).toBe('en');
    expect(en.body).toBe('Sita, the task "Booth list" is due 12 January 2027 at 12:15 am.');
  });
});
