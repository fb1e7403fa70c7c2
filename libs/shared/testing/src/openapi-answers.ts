import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** One answer the app gave, under its route template (`/meetings/{id}`). */
export type RecordedAnswer = {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
};

/**
 * Records every JSON answer a (not yet initialised) app gives, by route template, so that a test can check all of
 * them against the document with `OpenApiResponses.problems` after driving the app through its scenarios. Call it
 * before `app.init()`.
 */
export function recordAnswers(app: INestApplication): RecordedAnswer[] {
  const answers: RecordedAnswer[] = [];
  app.use((req: Request, res: Response, next: NextFunction) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const route = (req.route as { path?: string } | undefined)?.path;
      if (route)
        answers.push({
          method: req.method.toLowerCase(),
          path: route.replace(/:(\w+)/g, '{$1}'),
          status: res.statusCode,
          headers: { 'content-type': 'application/json' },
          // As the client reads it: dates become strings, undefined fields disappear.
          body: JSON.parse(JSON.stringify(body ?? null)) as unknown,
        });
      return json(body);
    };
    next();
  });
  return answers;
}
