import { pageQuerySchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';

export class PageQueryDto extends createZodDto(pageQuerySchema) {}
