import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import { CONSUMED_EVENTS } from './consumed-events';
import { RuleBook } from './rule-book';

const CONFIG_DIR = () =>
  process.env.NOTIFY_CONFIG_DIR ?? resolve(process.cwd(), 'services/notifications/config');

/** Paths of the rule and template files (`NOTIFY_RULES_FILE`, `NOTIFY_TEMPLATES_FILE`, or `NOTIFY_CONFIG_DIR`). */
export function configFiles(): { rules: string; templates: string } {
  return {
    rules: process.env.NOTIFY_RULES_FILE ?? resolve(CONFIG_DIR(), 'rules.yaml'),
    templates: process.env.NOTIFY_TEMPLATES_FILE ?? resolve(CONFIG_DIR(), 'templates.yaml'),
  };
}

/**
 * The rule book in force. Loaded at start (a bad file stops the service with the line at fault), reloaded by
 * the admin endpoint or when either file changes; a reload that fails keeps the rules in force.
 */
@Injectable()
export class ActiveRules implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ActiveRules.name);
  private book!: RuleBook;
  private watchers: FSWatcher[] = [];
  private debounce: NodeJS.Timeout | null = null;
  loadedAt = new Date(0);

  onModuleInit(): void {
    this.book = this.load();
    if (process.env.NOTIFY_WATCH_RULES !== 'false') {
      for (const file of Object.values(configFiles())) {
        const watcher = watch(file, { persistent: false }, () => this.scheduleReload());
        watcher.on('error', (error) =>
          this.logger.warn({ file, err: error.message }, 'rule file watch stopped'),
        );
        this.watchers.push(watcher);
      }
    }
  }

  onModuleDestroy(): void {
    for (const watcher of this.watchers) watcher.close();
    if (this.debounce) clearTimeout(this.debounce);
  }

  get current(): RuleBook {
    return this.book;
  }

  /** Loads both files again; throws ConfigFileError (and keeps the rules in force) when they are refused. */
  reload(): RuleBook {
    this.book = this.load();
    this.logger.log({ rules: this.book.rules.length }, 'notification rules reloaded');
    return this.book;
  }

  private load(): RuleBook {
    const files = configFiles();
    const book = RuleBook.fromFiles(files.rules, files.templates, CONSUMED_EVENTS);
    this.loadedAt = new Date();
    return book;
  }

  private scheduleReload(): void {
    if (this.debounce) clearTimeout(this.debounce);
    // Editors write a file in several steps; reload once it settles.
    this.debounce = setTimeout(() => {
      try {
        this.reload();
      } catch (error) {
        this.logger.error(
          { err: (error as Error).message },
          'changed rule file refused; the previous rules stay in force',
        );
      }
    }, 300);
  }
}
