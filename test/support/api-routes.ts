import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import request from 'supertest';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/decorators.js';
import type { Role } from '../../src/users/role.js';

/** A JSON schema as the OpenAPI document states it (only the parts the generators read). */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: /v1/tracing-requests/{id} */
  path: string;
  operationId: string;
  pathParams: string[];
  queryParams: { name: string; schema: SchemaObject }[];
  body?: SchemaObject;
  isPublic: boolean;
  /** The @Roles of the handler (or its controller); empty for a public route. */
  roles: Role[];
}

export interface ApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

interface OperationObject {
  operationId: string;
  parameters?: { name: string; in: string; schema?: SchemaObject }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every route the app serves, read from the OpenAPI document it publishes (so a new endpoint is
 * covered without editing a list), with the roles its guard lets through, read from the handler's
 * metadata the way the guard reads it.
 */
export async function enumerateRoutes(app: INestApplication): Promise<{ document: ApiDocument; routes: ApiRoute[] }> {
  const document: ApiDocument = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
  const handlers = handlersByOperationId(app);
  const reflector = new Reflector();
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const handler = handlers.get(operation.operationId);
      if (!handler) throw new Error(`no handler found for operation ${operation.operationId}`);
      const targets = [handler.method, handler.controller];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
      const parameters = operation.parameters ?? [];
      routes.push({
        method,
        path,
        operationId: operation.operationId,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: operation.requestBody?.content?.['application/json']?.schema,
        isPublic,
        roles: isPublic ? [] : (reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? []),
      });
    }
  }
  return { document, routes };
}

/** `Controller_method` (the swagger module's default operation id) to the handler and its class. */
function handlersByOperationId(app: INestApplication) {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const found = new Map<string, { controller: Function; method: Function }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[name];
        if (name !== 'constructor' && typeof method === 'function') found.set(`${controller.name}_${name}`, { controller, method });
      }
    }
  }
  return found;
}

/** Resolves `$ref` and `allOf` against the document's components. */
export function resolveSchema(document: ApiDocument, schema: SchemaObject | undefined, depth = 0): SchemaObject {
  if (!schema || depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolveSchema(document, document.components?.schemas?.[name], depth + 1);
  }
  if (schema.allOf?.length) return resolveSchema(document, schema.allOf[0], depth + 1);
  return schema;
}
