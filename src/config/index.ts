export * from './isLoopbackHost';
export * from './FetchLike';
export * from './normalizeConfig';
export type { CredentialsInput } from './Credentials';
