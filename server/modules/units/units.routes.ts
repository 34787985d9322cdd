import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  addStaffBody,
  createUnitBody,
  platformUnitsParams,
  setUnitFieldsBody,
  staffParams,
  staffView,
  unitIdParams,
  unitList,
  unitView,
  updateStaffBody,
  updateUnitBody,
} from './units.schema.js';
import { createUnit, deleteUnit, getUnit, listUnits, setUnitFields, updateUnit } from './units.service.js';
import { addStaff, removeStaff, updateStaff } from './units.staff.js';

export async function unitsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['units'];
  const ok = (schema: z.ZodType) => ({ 200: schema, ...problemResponses });

  app.get(
    '/api/platforms/:platformId/units',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "A platform's labs, centres and offices (public; directors and staff counts for its role holders)",
        params: platformUnitsParams,
        response: ok(unitList),
      },
    },
    async (request) => ({ items: await listUnits(ctxOf(request), request.params.platformId) }),
  );

  app.post(
    '/api/platforms/:platformId/units',
    {
      schema: {
        tags,
        summary: 'Add a unit (platform admins)',
        params: platformUnitsParams,
        body: createUnitBody,
        response: { 201: unitView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUnit(ctxOf(request), request.params.platformId, request.body)),
  );

  app.get(
    '/api/units/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One unit (public; staff with contacts for role holders of its platform)',
        params: unitIdParams,
        response: ok(unitView),
      },
    },
    async (request) => getUnit(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Edit a unit and its director (platform admins)',
        params: unitIdParams,
        body: updateUnitBody,
        response: ok(unitView),
      },
    },
    async (request) => updateUnit(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a unit with its staff list (platform admins); 409 units.in_use while disclosures, agreements or results name it',
        params: unitIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteUnit(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/units/:id/fields',
    {
      schema: {
        tags,
        summary: "Replace a unit's fields (platform admins; the unit's own lab director)",
        params: unitIdParams,
        body: setUnitFieldsBody,
        response: ok(unitView),
      },
    },
    async (request) => setUnitFields(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/units/:id/staff',
    {
      schema: {
        tags,
        summary: "Add a person to a unit's staff (platform admins; the unit's own lab director)",
        params: unitIdParams,
        body: addStaffBody,
        response: { 201: staffView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addStaff(ctxOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/units/:id/staff/:staffId',
    {
      schema: {
        tags,
        summary: "Change a staff member's position (platform admins; the unit's own lab director)",
        params: staffParams,
        body: updateStaffBody,
        response: ok(staffView),
      },
    },
    async (request) =>
      updateStaff(ctxOf(request), request.params.id, request.params.staffId, request.body.position),
  );

  app.delete(
    '/api/units/:id/staff/:staffId',
    {
      schema: {
        tags,
        summary: "Remove a staff member (platform admins; the unit's own lab director)",
        params: staffParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await removeStaff(ctxOf(request), request.params.id, request.params.staffId);
      return reply.code(204).send(null);
    },
  );
}
