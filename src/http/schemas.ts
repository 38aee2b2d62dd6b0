import { Type, type TSchema } from 'typebox';

/** The one error shape of the API: `{ code, message, details: [{ row?, field, message }] }`. */
export const ErrorSchema = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(
      Type.Object({ row: Type.Optional(Type.Integer()), field: Type.String(), message: Type.String() }),
    ),
  },
  { $id: 'Error' },
);

export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  403: Type.Ref('Error'),
  404: Type.Ref('Error'),
  409: Type.Ref('Error'),
  422: Type.Ref('Error'),
  423: Type.Ref('Error'),
};

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export function Paged<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    /** true when `total` is an estimate (a long list is counted exactly only up to a cap). */
    capped: Type.Optional(Type.Boolean()),
  });
}

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
