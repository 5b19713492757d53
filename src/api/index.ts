export { createProductApi, type ProductApi, type RetrieveOptions } from './ProductApi';
