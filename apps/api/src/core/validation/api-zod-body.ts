import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a zod-validated body in the OpenAPI document (zod 4 emits JSON Schema itself). */
export function ApiZodBody(schema: z.ZodType): MethodDecorator {
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete jsonSchema.$schema;
  } catch {
    jsonSchema = { type: 'object' };
  }
  return applyDecorators(ApiBody({ schema: jsonSchema as never }));
}
