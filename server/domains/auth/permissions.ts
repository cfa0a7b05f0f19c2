// The permission table lives with the actor in `access`, below every domain that checks it.
export * from '../access/permissions.js';
