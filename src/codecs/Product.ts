import * as t from 'io-ts';

/**
 * An orderable product type (`GET /products/list`). The list differs per account: never hard-code it.
 *
 * @example
 * import { ProductCodec } from './Product';
 * ProductCodec.is({ slug: 'percelenrapport', name: 'Percelenrapport' }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const ProductCodec = /* @__PURE__ */ t.type({ slug: t.string, name: t.string }, 'Product');

/**
 * A product as `GET /products/list` answers it.
 *
 * @interface
 * @category model
 */
export type Product = t.TypeOf<typeof ProductCodec>;

/** The body of `GET /products/list`. @category codecs */
export const ProductListCodec = /* @__PURE__ */ t.readonlyArray(ProductCodec, 'ProductList');
